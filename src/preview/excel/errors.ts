// How the simulated Excel fails: a RichApi.Error with Excel's code, and the two failures every proxy shares (a property
// read before it was loaded and synced; a write the workbook refuses).

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

export function notLoaded(prop: string): never {
  throw new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function accessDenied(): never {
  throw new FakeOfficeError("AccessDenied", "You cannot perform the requested operation.");
}
