import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MizanError } from '../errors.js';
import {
  consistencyProof,
  edgeNodes,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  nodeHash,
  recordLeafHash,
  requiredForConsistency,
  requiredForInclusion,
  requiredForRoot,
  rootFromNodes,
  TreeBuilder,
  verifyConsistency,
  verifyInclusion,
  type Hash,
  type NodeRef,
  type NodeSource,
} from './merkle.js';

const hex = (text: string) => Buffer.from(text, 'hex');
const hexes = (hashes: Hash[]) => hashes.map((h) => h.toString('hex'));
const key = (ref: NodeRef) => `${ref.level}:${ref.index}`;

/** Every complete subtree of a tree built from `leaves`, as the store keeps them. */
function fullTree(leaves: Hash[]): { source: NodeSource; nodes: Map<string, Hash>; roots: Hash[] } {
  const nodes = new Map<string, Hash>();
  const roots = [EMPTY_ROOT];
  const builder = new TreeBuilder();
  for (const leaf of leaves) {
    nodes.set(key({ level: 0, index: builder.size }), leaf);
    for (const node of builder.append(leaf)) nodes.set(key(node), node.hash);
    roots.push(builder.root());
  }
  const source: NodeSource = (ref) => {
    const hash = nodes.get(key(ref));
    if (!hash) throw new Error(`no node ${key(ref)}`);
    return hash;
  };
  return { source, nodes, roots };
}

/** A source that serves only the listed nodes, so a proof that reads anything else fails loudly. */
const restricted = (source: NodeSource, refs: NodeRef[]): NodeSource => {
  const allowed = new Set(refs.map(key));
  return (ref) => {
    if (!allowed.has(key(ref))) throw new Error(`read ${key(ref)}, which was not declared`);
    return source(ref);
  };
};

const randomLeaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(`leaf ${i}`));

const flipped = (proof: Hash[], at: number, bit = 0): Hash[] =>
  proof.map((h, i) =>
    i === at ? Buffer.from(h.map((byte, j) => (j === bit >> 3 ? byte ^ (1 << (bit & 7)) : byte))) : h,
  );

const outOfRange = (error: unknown) => error instanceof MizanError && error.code === 'proof_out_of_range';

// The RFC 6962 reference tree used by Certificate Transparency and transparency-dev/merkle.
const LEAF_DATA = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION: Array<{ index: number; size: number; proof: string[] }> = [
  { index: 0, size: 1, proof: [] },
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const CONSISTENCY: Array<{ first: number; second: number; proof: string[] }> = [
  { first: 1, second: 1, proof: [] },
  {
    first: 1,
    second: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    first: 6,
    second: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    first: 2,
    second: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    first: 6,
    second: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

describe('Merkle tree: RFC 6962 reference vectors', () => {
  const reference = fullTree(LEAF_DATA.map((data) => leafHash(hex(data))));

  it('hashes the empty tree, leaves and nodes with the RFC 6962 prefixes', () => {
    assert.equal(
      EMPTY_ROOT.toString('hex'),
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    assert.equal(leafHash('').toString('hex'), ROOTS[0]);
    assert.deepEqual(leafHash('L'), leafHash(Buffer.from('L')));
    assert.equal(nodeHash(leafHash(''), leafHash(hex('00'))).toString('hex'), ROOTS[1]);
  });

  it('computes the root of every size from 1 to 8, incrementally and from stored nodes', () => {
    for (let size = 1; size <= 8; size++) {
      assert.equal(reference.roots[size]!.toString('hex'), ROOTS[size - 1], `size ${size}`);
      assert.equal(rootFromNodes(size, reference.source).toString('hex'), ROOTS[size - 1], `size ${size}`);
    }
    assert.deepEqual(rootFromNodes(0, reference.source), EMPTY_ROOT);
  });

  for (const vector of INCLUSION) {
    it(`gives and checks the inclusion path of leaf ${vector.index} in a tree of ${vector.size}`, () => {
      const proof = inclusionProof(vector.index, vector.size, reference.source);
      assert.deepEqual(hexes(proof), vector.proof);
      const leaf = reference.source({ level: 0, index: vector.index });
      assert.ok(verifyInclusion(leaf, vector.index, vector.size, proof, hex(ROOTS[vector.size - 1]!)));
    });
  }

  for (const vector of CONSISTENCY) {
    it(`gives and checks the consistency proof from ${vector.first} to ${vector.second}`, () => {
      const proof = consistencyProof(vector.first, vector.second, reference.source);
      assert.deepEqual(hexes(proof), vector.proof);
      const [first, second] = [hex(ROOTS[vector.first - 1]!), hex(ROOTS[vector.second - 1]!)];
      assert.ok(verifyConsistency(vector.first, vector.second, first, second, proof));
    });
  }

  it('rejects the corrupted proofs transparency-dev probes with', () => {
    const proof = inclusionProof(5, 8, reference.source);
    const [leaf, root] = [reference.source({ level: 0, index: 5 }), hex(ROOTS[7]!)];
    const probes: Array<[number, number, Hash, Hash[], Hash]> = [
      [4, 8, leaf, proof, root],
      [6, 8, leaf, proof, root],
      [5 ^ 2, 8, leaf, proof, root],
      [5, 16, leaf, proof, root],
      [5, 4, leaf, proof, root],
      [5, 8, Buffer.from('WrongLeaf'), proof, root],
      [5, 8, leaf, proof, EMPTY_ROOT],
      [5, 8, leaf, [...proof, Buffer.alloc(0)], root],
      [5, 8, leaf, [...proof, root], root],
      [5, 8, leaf, [Buffer.alloc(0), ...proof], root],
      [5, 8, leaf, [root, ...proof], root],
      [5, 8, leaf, proof.slice(0, -1), root],
    ];
    for (const [index, size, l, p, r] of probes) assert.equal(verifyInclusion(l, index, size, p, r), false);

    const consistency = consistencyProof(6, 8, reference.source);
    const [first, second] = [hex(ROOTS[5]!), hex(ROOTS[7]!)];
    const bad: Array<[number, number, Hash, Hash, Hash[]]> = [
      [5, 8, first, second, consistency],
      [7, 8, first, second, consistency],
      [6 ^ 2, 8, first, second, consistency],
      [6, 16, first, second, consistency],
      [6, 4, first, second, consistency],
      [6, 8, second, first, consistency],
      [6, 8, first, second, []],
      [6, 8, first, second, [...consistency, first]],
      [6, 8, first, second, [consistency[0]!, ...consistency]],
      [6, 8, first, second, consistency.slice(0, -1)],
      [0, 8, first, second, consistency],
      [1, 1, first, second, []],
    ];
    for (const [m, n, r1, r2, p] of bad) assert.equal(verifyConsistency(m, n, r1, r2, p), false, `${m} ${n}`);
    assert.ok(verifyConsistency(3, 3, first, first, []));
  });

  it('refuses proofs of what is not in the tree', () => {
    assert.throws(() => inclusionProof(8, 8, reference.source), outOfRange);
    assert.throws(() => inclusionProof(-1, 8, reference.source), outOfRange);
    assert.throws(() => inclusionProof(0.5, 8, reference.source), outOfRange);
    assert.throws(() => inclusionProof(0, 0, reference.source), outOfRange);
    assert.throws(() => consistencyProof(5, 4, reference.source), outOfRange);
    assert.throws(() => consistencyProof(0, 4, reference.source), outOfRange);
    assert.throws(() => requiredForInclusion(3, 2), outOfRange);
    assert.throws(() => requiredForConsistency(3, Number.NaN), outOfRange);
    assert.throws(() => edgeNodes(-1), outOfRange);
    assert.deepEqual(consistencyProof(4, 4, reference.source), []);
  });

  it('hashes a record as the leaf of its canonical JSON', () => {
    assert.deepEqual(recordLeafHash({ b: 1, a: 'x' }), leafHash('{"a":"x","b":1}'));
  });
});

describe('Merkle tree: complete subtrees', () => {
  it('splits a size into its edge, largest first', () => {
    assert.deepEqual(edgeNodes(0), []);
    assert.deepEqual(edgeNodes(1), [{ level: 0, index: 0 }]);
    assert.deepEqual(edgeNodes(13), [
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    assert.deepEqual(requiredForRoot(6), edgeNodes(6));
  });

  it('handles sizes up to 2^53 without losing a leaf', () => {
    const size = Number.MAX_SAFE_INTEGER;
    const edge = edgeNodes(size);
    assert.equal(edge.length, 53);
    assert.equal(
      edge.reduce((sum, ref) => sum + 2 ** ref.level, 0),
      size,
    );
    const refs = requiredForInclusion(2 ** 40 + 3, size);
    for (const ref of refs) assert.ok((ref.index + 1) * 2 ** ref.level <= size);
    assert.ok(requiredForConsistency(2 ** 52 + 7, size).length > 0);
  });

  it('records the subtrees each append completes, and resumes from an edge', () => {
    const builder = new TreeBuilder();
    assert.deepEqual(builder.root(), EMPTY_ROOT);
    const completed = randomLeaves(8).map((leaf) => builder.append(leaf).map(key));
    assert.deepEqual(completed, [[], ['1:0'], [], ['1:1', '2:0'], [], ['1:2'], [], ['1:3', '2:1', '3:0']]);
    assert.throws(() => new TreeBuilder(3, [EMPTY_ROOT]), /edge nodes/);
  });
});

describe('Merkle tree: properties', () => {
  const size = fc.integer({ min: 1, max: 300 });

  it('every inclusion proof from stored nodes verifies, reads only what it declares, and fails when anything is wrong', () => {
    fc.assert(
      fc.property(
        size.chain((n) =>
          fc.record({
            n: fc.constant(n),
            index: fc.nat(n - 1),
            otherIndex: fc.nat(n - 1),
            otherSize: fc.integer({ min: 1, max: 300 }),
            bit: fc.nat(255),
            at: fc.nat(),
          }),
        ),
        ({ n, index, otherIndex, otherSize, bit, at }) => {
          const tree = fullTree(randomLeaves(Math.max(n, otherSize)));
          const root = tree.roots[n]!;
          const leaf = tree.source({ level: 0, index });
          const proof = inclusionProof(index, n, restricted(tree.source, requiredForInclusion(index, n)));
          assert.ok(verifyInclusion(leaf, index, n, proof, root));
          if (proof.length > 0)
            assert.equal(
              verifyInclusion(leaf, index, n, flipped(proof, at % proof.length, bit), root),
              false,
            );
          if (otherIndex !== index) assert.equal(verifyInclusion(leaf, otherIndex, n, proof, root), false);
          if (otherSize !== n)
            assert.equal(verifyInclusion(leaf, index, otherSize, proof, tree.roots[otherSize]!), false);
          assert.equal(verifyInclusion(leaf, index, n, proof, tree.roots[n - 1]!), false);
        },
      ),
    );
  });

  it('every consistency proof from stored nodes verifies, reads only what it declares, and fails when anything is wrong', () => {
    fc.assert(
      fc.property(
        size.chain((n) =>
          fc.record({
            second: fc.constant(n),
            first: fc.integer({ min: 1, max: n }),
            otherFirst: fc.integer({ min: 1, max: n }),
            otherSecond: fc.integer({ min: 1, max: 300 }),
            bit: fc.nat(255),
            at: fc.nat(),
          }),
        ),
        ({ first, second, otherFirst, otherSecond, bit, at }) => {
          const tree = fullTree(randomLeaves(Math.max(second, otherSecond)));
          const [r1, r2] = [tree.roots[first]!, tree.roots[second]!];
          const proof = consistencyProof(
            first,
            second,
            restricted(tree.source, requiredForConsistency(first, second)),
          );
          assert.ok(verifyConsistency(first, second, r1, r2, proof));
          if (first === second) return;
          assert.equal(
            verifyConsistency(first, second, r1, r2, flipped(proof, at % proof.length, bit)),
            false,
          );
          if (otherFirst !== first)
            assert.equal(verifyConsistency(otherFirst, second, tree.roots[otherFirst]!, r2, proof), false);
          if (otherSecond !== second)
            assert.equal(verifyConsistency(first, otherSecond, r1, tree.roots[otherSecond]!, proof), false);
          assert.equal(verifyConsistency(first, second, r1, tree.roots[second - 1]!, proof), false);
          assert.equal(verifyConsistency(first, second, r2, r2, proof), false);
        },
      ),
    );
  });

  it('the incremental root equals the root from stored nodes, and a resumed builder continues identically', () => {
    fc.assert(
      fc.property(size, fc.nat(300), (n, cut) => {
        const leaves = randomLeaves(n);
        const whole = fullTree(leaves);
        for (let s = 0; s <= n; s++) assert.deepEqual(rootFromNodes(s, whole.source), whole.roots[s]);

        const at = cut % (n + 1);
        const first = new TreeBuilder();
        for (const leaf of leaves.slice(0, at)) first.append(leaf);
        const resumed = new TreeBuilder(at, edgeNodes(at).map(whole.source));
        assert.deepEqual(resumed.edge(), first.edge());
        for (const leaf of leaves.slice(at)) assert.deepEqual(resumed.append(leaf), first.append(leaf));
        assert.equal(resumed.size, n);
        assert.deepEqual(resumed.root(), whole.roots[n]);
      }),
    );
  });

  it('stores exactly the complete subtrees of the tree', () => {
    fc.assert(
      fc.property(size, (n) => {
        const { nodes } = fullTree(randomLeaves(n));
        let expected = 0;
        for (let level = 0; 2 ** level <= n; level++) expected += Math.floor(n / 2 ** level);
        assert.equal(nodes.size, expected);
      }),
    );
  });
});
