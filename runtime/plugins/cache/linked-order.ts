interface Node {
  readonly key: string;
  prev: Node | undefined;
  next: Node | undefined;
}

/**
 * Keys in a doubly linked list indexed by a Map: append, remove, move-to-end and first are all O(1). A JS `Set`
 * is not enough: after many deletions at its front, `values().next()` walks over the deleted slots.
 */
export class LinkedOrder {
  private readonly nodes = new Map<string, Node>();
  private head: Node | undefined;
  private tail: Node | undefined;

  get size(): number {
    return this.nodes.size;
  }

  /** Adds the key at the end, or moves it there when present. */
  append(key: string): void {
    const existing = this.nodes.get(key);
    if (existing) {
      if (existing === this.tail) return;
      this.unlink(existing);
      this.link(existing);
      return;
    }
    const node: Node = { key, prev: undefined, next: undefined };
    this.nodes.set(key, node);
    this.link(node);
  }

  remove(key: string): boolean {
    const node = this.nodes.get(key);
    if (!node) return false;
    this.unlink(node);
    this.nodes.delete(key);
    return true;
  }

  first(): string | undefined {
    return this.head?.key;
  }

  private link(node: Node): void {
    node.prev = this.tail;
    node.next = undefined;
    if (this.tail) this.tail.next = node;
    else this.head = node;
    this.tail = node;
  }

  private unlink(node: Node): void {
    if (node.prev) node.prev.next = node.next;
    else this.head = node.next;
    if (node.next) node.next.prev = node.prev;
    else this.tail = node.prev;
    node.prev = undefined;
    node.next = undefined;
  }
}
