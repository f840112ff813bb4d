/**
 * Ownership of one native XGBoost object. Freed explicitly with `free()`, or by a FinalizationRegistry when the
 * JS object is collected; a freed handle refuses further use instead of handing a dangling pointer to C (koffi 3
 * pointers are plain BigInts, so C would not notice and the process would crash).
 */
import type { Pointer } from './native';

interface Owned {
  ptr: Pointer;
  release: (ptr: Pointer) => number;
}

const finalizer = new FinalizationRegistry<Owned>((owned) => {
  owned.release(owned.ptr);
});

export abstract class NativeHandle {
  private owned: Owned | null;

  protected constructor(
    ptr: Pointer,
    release: (ptr: Pointer) => number,
    private readonly kind: string,
  ) {
    this.owned = { ptr, release };
    finalizer.register(this, this.owned, this);
  }

  /** The native pointer; throws when this object was freed. */
  get ptr(): Pointer {
    if (!this.owned) throw new Error(`This ${this.kind} was freed; create or load a new one`);
    return this.owned.ptr;
  }

  /** True once `free()` ran. */
  get freed(): boolean {
    return this.owned === null;
  }

  /** Frees the native object now. Freeing twice is an error: it usually means two owners of one handle. */
  free(): void {
    if (!this.owned) throw new Error(`This ${this.kind} was already freed`);
    const owned = this.owned;
    this.owned = null;
    finalizer.unregister(this);
    const rc = owned.release(owned.ptr);
    if (rc !== 0) throw new Error(`Freeing the ${this.kind} failed with return code ${rc}`);
  }
}
