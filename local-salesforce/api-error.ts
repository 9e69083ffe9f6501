/** A failure answered the way the Salesforce REST API answers it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): Array<{ message: string; errorCode: string }> {
    return [{ message: this.message, errorCode: this.errorCode }];
  }
}
