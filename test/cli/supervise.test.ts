import { childEnvironment } from '../../src/cli/supervise';

describe('the environment the command runs in', () => {
  it('has glibc map blocks of 128 KB or more on their own, so freed ones leave the peak', () => {
    const env = childEnvironment({ PATH: '/usr/bin', TRICOLOR_LANG: 'en' });
    expect(env).toEqual({ PATH: '/usr/bin', TRICOLOR_LANG: 'en', MALLOC_MMAP_THRESHOLD_: '131072' });
  });

  it("keeps the user's own malloc setting", () => {
    expect(childEnvironment({ MALLOC_MMAP_THRESHOLD_: '65536' }).MALLOC_MMAP_THRESHOLD_).toBe('65536');
  });
});
