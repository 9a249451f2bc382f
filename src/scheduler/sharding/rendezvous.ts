/** The weight of a replica for a job: FNV-1a over the UTF-16 code units, then murmur3's finalizer so that close inputs land far apart. */
export function weight(replicaId: string, jobId: string): number {
  let hash = 0x811c9dc5;
  const key = `${replicaId}\u0000${jobId}`;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * The replica that owns `jobId` among `replicaIds`, by rendezvous (highest random weight) hashing:
 * every replica computes the same owner from the same membership, and a replica that joins or
 * leaves moves only the jobs it takes or held. Null when there is no replica.
 */
export function ownerOf(jobId: string, replicaIds: readonly string[]): string | null {
  let owner: string | null = null;
  let best = -1;
  for (const replicaId of replicaIds) {
    const w = weight(replicaId, jobId);
    // Ties (1 in 2^32) go to the smaller id, so that the order of the list never matters.
    if (w > best || (w === best && owner !== null && replicaId < owner)) {
      best = w;
      owner = replicaId;
    }
  }
  return owner;
}
