/** A rejected host call kept for display; boxed so that even a falsy rejection value is shown. */
export interface Failure {
  error: unknown;
}
