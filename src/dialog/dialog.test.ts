/**
 * @jest-environment jsdom
 */
import { readParams, renderDialog } from './dialog';

function page() {
  document.documentElement.innerHTML = '<head><title></title></head><body><main id="tricolor-dialog"></main></body>';
  return document.getElementById('tricolor-dialog')!;
}

describe('dialog.html', () => {
  it('shows the title, the message as text (never HTML) and a close button in Chinese', () => {
    const root = page();
    const onClose = jest.fn();
    renderDialog(document, readParams('?lang=zh&kind=error&title=%E5%87%BA%E9%94%99&message=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%0A%E7%AC%AC%E4%BA%8C%E8%A1%8C'), onClose);
    expect(root.className).toBe('kind-error');
    expect(root.querySelector('h1')!.textContent).toBe('出错');
    expect(root.querySelector('p')!.textContent).toBe('<img src=x onerror=alert(1)>\n第二行');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('p')!.getAttribute('role')).toBe('alert');
    expect(document.documentElement.lang).toBe('zh-CN');
    const button = root.querySelector('button')!;
    expect(button.textContent).toBe('关闭');
    expect(document.activeElement).toBe(button);
    button.click();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes on Escape and speaks English when asked', () => {
    const root = page();
    const onClose = jest.fn();
    renderDialog(document, readParams('?lang=en&kind=done&title=Revisit%20list%3A%20done&message=Wrote%20it.'), onClose);
    expect(root.querySelector('button')!.textContent).toBe('Close');
    expect(root.querySelector('p')!.getAttribute('role')).toBeNull();
    expect(document.title).toBe('Revisit list: done');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('falls back to Chinese, an error and a default title when the query is missing or broken', () => {
    expect(readParams('')).toEqual({ lang: 'zh', kind: 'error', title: '三色台账：出错了', message: '' });
    expect(readParams('?lang=fr&kind=odd&message=%E0%A4%A&_host_Info=Excel$Win32')).toEqual({ lang: 'zh', kind: 'error', title: '三色台账：出错了', message: '%E0%A4%A' });
  });
});
