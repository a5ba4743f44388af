// What a service needs of one storage item. The items of lib/storage.ts (WXT's defineItem) have
// this shape, so the composition root passes them in as they are, and tests pass the same items
// over WXT's fake browser.

export interface StoredValue<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}
