// Unit tests for the wildcard operator: AWS-recorded cases from the shared corpus (by id),
// expectations from event-ruler's own tests, and scores measured on event-ruler 2.0.1.

import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  DEFAULT_COMPLEXITY_CAP,
  MAX_WILDCARD_COMPLEXITY,
  WildcardComplexityInput,
  javaHashSetOrder,
  matchWildcard,
  parseWildcard,
  wildcardComplexity,
  wildcardComplexityOfBranches,
} from '../../../src/engine/operators/wildcard';

function segmentsOf(pattern: string): string[] {
  const parsed = parseWildcard(pattern);
  assert.ok(parsed.ok, `expected ${JSON.stringify(pattern)} to parse`);
  return parsed.segments;
}

function reasonOf(pattern: string): string {
  const parsed = parseWildcard(pattern);
  assert.ok(!parsed.ok, `expected ${JSON.stringify(pattern)} to be rejected`);
  return parsed.reason;
}

function matches(pattern: string, value: string): boolean {
  return matchWildcard(segmentsOf(pattern), value);
}

const score = (patterns: WildcardComplexityInput[]): number =>
  wildcardComplexity(patterns, { cap: 1000 });

// event-ruler's unit tests add each pattern to a bare ByteMachine, unquoted, one call each.
const rulerScore = (patterns: WildcardComplexityInput[]): number =>
  wildcardComplexityOfBranches(patterns.map((p) => [p]), { quoted: false, cap: 100 });

const anythingBut = (...values: string[]): WildcardComplexityInput =>
  ({ kind: 'anything-but-wildcard', values });

describe('parseWildcard', () => {
  test('AWS ls.content_wildcard_repeating_star_EXC: ** is rejected at pos 26', () => {
    // pos 26 = byte offset 25 of the first star + 1 for the JSON quote the ruler parses.
    assert.equal(reasonOf('arn:aws:events:us-east-1:**:event-bus/*'),
      'Consecutive wildcard characters at pos 26');
  });

  test('positions count the opening quote, as in ruler WildcardParserTest plus one', () => {
    // The ruler's parser test, fed without quotes, reports pos 1 for both.
    assert.equal(reasonOf('a**'), 'Consecutive wildcard characters at pos 2');
    assert.equal(reasonOf('a\\bc'), 'Invalid escape character at pos 2');
    assert.equal(reasonOf('x*y**'), 'Consecutive wildcard characters at pos 4');
  });

  test('positions are UTF-8 byte offsets (measured on event-ruler)', () => {
    assert.equal(reasonOf('é**'), 'Consecutive wildcard characters at pos 3');
    assert.equal(reasonOf('€\\'), 'Invalid escape character at pos 4');
    assert.equal(reasonOf('😀\\x'), 'Invalid escape character at pos 5');
    // Java encodes a lone surrogate as one '?' byte.
    assert.equal(reasonOf('\ud800**'), 'Consecutive wildcard characters at pos 2');
  });

  test('a trailing backslash is an invalid escape (the closing quote follows it)', () => {
    assert.equal(reasonOf('abc\\'), 'Invalid escape character at pos 4');
    assert.equal(reasonOf('\\'), 'Invalid escape character at pos 1');
  });

  test('the first error from the left wins', () => {
    assert.equal(reasonOf('\\x**'), 'Invalid escape character at pos 1');
    assert.equal(reasonOf('**\\x'), 'Consecutive wildcard characters at pos 1');
  });

  test('escapes as in ruler WildcardParserTest', () => {
    assert.deepEqual(segmentsOf('abc'), ['abc']);
    assert.deepEqual(segmentsOf('a*c'), ['a', 'c']);
    assert.deepEqual(segmentsOf('a\\*c'), ['a*c']);
    assert.deepEqual(segmentsOf('a\\\\c'), ['a\\c']);
    assert.deepEqual(segmentsOf('a\\\\*'), ['a\\', '']);
    assert.deepEqual(segmentsOf('a\\\\\\*'), ['a\\*']);
    assert.deepEqual(segmentsOf('a\\**'), ['a*', '']);
  });

  test('an escaped star right after a star is legal, and so is the reverse', () => {
    assert.deepEqual(segmentsOf('*\\*'), ['', '*']);
    assert.deepEqual(segmentsOf('\\**'), ['*', '']);
  });

  test('AWS ls.content_wildcard_empty_NEG: "" parses to one empty literal', () => {
    assert.deepEqual(segmentsOf(''), ['']);
  });

  test('non-ASCII literals survive intact', () => {
    assert.deepEqual(segmentsOf('é*😀'), ['é', '😀']);
  });
});

describe('matchWildcard', () => {
  const path = '/Users/ls_user/dir/dir/dir/dir/dir/doc.txt';
  const bus = 'arn:aws:events:us-east-1:123456789012:event-bus/myEventBus';

  test('AWS ls.content_wildcard_nonrepeating and _NEG', () => {
    assert.equal(matches('/Users/*/doc.txt', path), true);
    assert.equal(matches('/Users/*/doc.txt',
      '/Users/ls_user/dir/dir/dir/dir/dir/notmatchingdoc.txt'), false);
  });

  test('AWS ls.content_wildcard_repeating and _NEG', () => {
    assert.equal(matches('/Users/*/dir/dir/dir/dir/dir/doc.txt', path), true);
    assert.equal(matches('/Users/*/dir/dir/dir/dir/dir/doc.txt',
      '/Users/ls_user/dir/dir/dir/dir/otherdir/doc.txt'), false);
  });

  test('AWS ls.content_wildcard_simplified', () => {
    assert.equal(matches('arn:aws:events:us-east-1:*:event-bus/*', bus), true);
  });

  test('AWS ls.content_wildcard_empty_NEG: "" matches only ""', () => {
    assert.equal(matches('', bus), false);
    assert.equal(matches('', ''), true);
  });

  test('AWS anything-but wildcard cases: which values the exclusion catches', () => {
    // ls.content_anything_wildcard: not excluded, so the rule matches.
    assert.equal(matches('*/dir/*', 'dir/init/file'), false);
    // ls.content_anything_wildcard_NEG: excluded.
    assert.equal(matches('*/init/*', 'dir/init/file'), true);
    // ls.content_anything_wildcard_list and _NEG.
    assert.equal(['*/init/*', '*/dir/*'].some((p) => matches(p, 'dir/post/dir')), false);
    assert.equal(['*/init/*', '*/dir/*'].some((p) => matches(p, 'dir/init/dir')), true);
    // ls.content_anything_wildcard_empty: "" only excludes "".
    assert.equal(matches('', 'dir/init/file'), false);
  });

  test('ruler WeTryWildcardRules values', () => {
    assert.equal(matches('*bc', 'abcbc'), true);
    assert.equal(matches('d*f', 'deeeef'), true);
    assert.equal(matches('d*f', 'deeeefx'), false);
    assert.equal(matches('xy*', 'xy'), true);
    assert.equal(matches('xy*', 'xyzzz'), true);
    assert.equal(matches('d*f', 'xy'), false);
    assert.equal(matches('xy*', 'deeeef'), false);
  });

  test('matching is on the whole string, and the fixed ends may not overlap', () => {
    assert.equal(matches('a*a', 'a'), false);
    assert.equal(matches('a*a', 'aa'), true);
    assert.equal(matches('ab*ba', 'aba'), false);
    assert.equal(matches('*a*', 'a'), true);
    assert.equal(matches('*', ''), true);
    assert.equal(matches('abc', 'abcd'), false);
  });

  test('escaped characters are literal', () => {
    assert.equal(matches('a\\*b', 'a*b'), true);
    assert.equal(matches('a\\*b', 'axb'), false);
    assert.equal(matches('a\\\\*', 'a\\anything'), true);
  });

  test('agrees with a reference backtracking matcher on every small case', () => {
    // Exhaustive over a tiny alphabet: catches any wrong greedy step.
    const reference = (p: string, v: string): boolean => {
      if (p === '') return v === '';
      if (p[0] === '*') return [...Array(v.length + 1).keys()].some((k) => reference(p.slice(1),
        v.slice(k)));
      return v !== '' && v[0] === p[0] && reference(p.slice(1), v.slice(1));
    };
    const words = (alphabet: string, max: number): string[] => {
      let out = [''];
      let layer = [''];
      for (let n = 0; n < max; n++) {
        layer = layer.flatMap((w) => [...alphabet].map((c) => w + c));
        out = out.concat(layer);
      }
      return out;
    };
    const patterns = words('ab*', 5).filter((p) => !p.includes('**'));
    const values = words('ab', 6);
    let checked = 0;
    for (const p of patterns) {
      const segments = segmentsOf(p);
      for (const v of values) {
        assert.equal(matchWildcard(segments, v), reference(p, v), `${p} vs ${v}`);
        checked++;
      }
    }
    assert.ok(checked > 10000);
  });

  test('stays linear where a backtracking matcher would blow up', () => {
    const segments = segmentsOf(`${'*a'.repeat(30)}*b`);
    const value = 'a'.repeat(200_000);
    const started = Date.now();
    assert.equal(matchWildcard(segments, value), false);
    assert.equal(matchWildcard(segments, `${value}b`), true);
    assert.ok(Date.now() - started < 1000);
  });
});

describe('wildcardComplexity', () => {
  test('AWS ls.content_wildcard_complex_EXC: *:*:*:*:*:event-bus/* scores 11, rejected', () => {
    assert.equal(score(['*:*:*:*:*:event-bus/*']), 11);
    assert.ok(wildcardComplexity(['*:*:*:*:*:event-bus/*']) > MAX_WILDCARD_COMPLEXITY);
  });

  test('AWS-accepted wildcard patterns of the corpus score 1-7', () => {
    const accepted: [string, WildcardComplexityInput[], number][] = [
      ['ls.content_wildcard_simplified', ['arn:aws:events:us-east-1:*:event-bus/*'], 3],
      ['ls.content_wildcard_nonrepeating', ['/Users/*/doc.txt'], 2],
      ['ls.content_wildcard_repeating', ['/Users/*/dir/dir/dir/dir/dir/doc.txt'], 7],
      ['ls.content_wildcard_empty_NEG', [''], 1],
      ['ls.content_anything_wildcard', [anythingBut('*/dir/*')], 4],
      ['ls.content_anything_wildcard_NEG', [anythingBut('*/init/*')], 4],
      ['ls.content_anything_wildcard_empty', [anythingBut('')], 1],
      ['ls.content_anything_wildcard_list', [anythingBut('*/init/*', '*/dir/*')], 5],
    ];
    for (const [id, patterns, expected] of accepted) {
      assert.equal(score(patterns), expected, id);
      assert.ok(wildcardComplexity(patterns) <= MAX_WILDCARD_COMPLEXITY, id);
    }
  });

  test('user reports: datasync lists and *.<ext> lists (SPEC 3.11)', () => {
    const exts = ['csv', 'json', 'gz', 'txt'];
    assert.equal(score(exts.map((e) => `*/datasync/*.${e}`)), 16);
    assert.equal(score(exts.slice(0, 2).map((e) => `*/datasync/*.${e}`)), 8);
    assert.equal(score(exts.map((e) => `*.${e}`)), 8);
  });

  test('user report: *:stack/<name>/* deployed with 3 names, rejected with 4', () => {
    const names = ['SharedStack', 'DataStack', 'AppStack', 'MonitoringStack'];
    const three = names.slice(0, 3).map((n) => `*:stack/${n}/*`);
    const four = names.map((n) => `*:stack/${n}/*`);
    assert.equal(score(three), 9);
    assert.equal(score(four), 12);
    // The limit must sit between these two observations.
    assert.ok(score(three) <= MAX_WILDCARD_COMPLEXITY && score(four) > MAX_WILDCARD_COMPLEXITY);
  });

  test('the field pattern of ruler testEvaluateNestedMachinesViaNextNameStates scores 11', () => {
    // That test's rule puts prefix and suffix patterns beside it, which do not count.
    assert.equal(score(['a*a*a*a*a*a*']), 11);
  });

  test('ruler MachineComplexityEvaluatorTest expectations, in both orders', () => {
    const expectations: [number, WildcardComplexityInput[]][] = [
      [1, ['*']],
      [3, ['*', 'ab*c']],
      [1, ['abc']],
      [2, ['*ab']],
      [3, ['*aa']],
      [2, ['a*b']],
      [2, ['aa*']],
      [2, ['a*bc']],
      [3, ['a*bb']],
      [3, ['a*bcb']],
      [4, ['a*bbb']],
      [4, ['*ab*ad']],
      [3, ['*ab*d']],
      [4, ['*aba*']],
      [5, ['a*b*bb']],
      [4, ['a*b*cb']],
      [3, ['a*b*cd']],
      [4, ['a*b*b']],
      [4, ['a*bb*']],
      [3, ['ab*b*']],
      [3, ['ab*c', 'x*xx']],
      [4, ['*abc', '*abcde']],
      [4, ['a*bcd', 'ab*cd']],
      [4, ['a*bc', 'a*bcde']],
      [7, ['a*aaa', 'aa*aa']],
      [4, ['a*bc', 'abc*d']],
      [6, ['a*aaa', 'aaa*a']],
      [5, ['a*aax', 'aaa*x']],
      [4, ['a*bc', 'abc*']],
      [5, ['a*aa', 'aaa*']],
      [3, ['abc*', 'abcde*']],
      [6, ['ab*cd', 'ab*wx', 'ab*yz']],
      [7, ['*ab*b*b*']],
      [17, ['*a*a*a*a*a*a*a*a*']],
      [2, ['ab*c', 'ab*c']],
      [10, ['F*eatureFeature', 'Fe*atureFeature', 'Fea*tureFeature']],
      [4, [anythingBut('a*b*b')]],
      [7, [anythingBut('a*aaa'), anythingBut('aa*aa')]],
      [7, [anythingBut('a*aaa'), 'aa*aa']],
    ];
    for (const [expected, patterns] of expectations) {
      assert.equal(rulerScore(patterns), expected, JSON.stringify(patterns));
      assert.equal(rulerScore([...patterns].reverse()), expected, `reversed ${patterns}`);
    }
  });

  test('ruler testEvaluateQuaminaExploder scores 45', () => {
    const words = ['aahed*', 'aal*ii', 'aargh*', 'aarti*', 'a*baca', '*abaci', 'a*back',
      'ab*acs', 'abaf*t', '*abaka', 'ab*amp', 'a*band', '*abase', 'abash*', 'abas*k', 'ab*ate',
      'aba*ya', 'abbas*', 'abbed*', 'ab*bes', 'abbey*', '*abbot', 'ab*cee', 'abea*m', 'abe*ar',
      'a*bele', 'a*bers', 'abet*s', '*abhor', 'abi*de', 'a*bies', '*abled'];
    assert.equal(rulerScore(words), 45);
  });

  test('an anything-but list is one pattern and scores less than separate operands', () => {
    // ruler testEvaluateAnythingButWildcardMultiplePatternsViaSet.
    assert.equal(rulerScore([anythingBut('a*aaa', 'aa*aa')]), 6);
    assert.equal(rulerScore([anythingBut('a*aaa'), anythingBut('aa*aa')]), 7);
  });

  test('ruler *WithExactMatch expectations hold for the wildcard alone', () => {
    // ruler testEvaluateOneWildcard*WithExactMatch: the same scores as the wildcards alone.
    assert.equal(rulerScore(['*abc']), 2);
    assert.equal(rulerScore(['ab*c']), 2);
    assert.equal(rulerScore(['abc*']), 2);
  });

  test('a repeated quoted pattern adds a branch, as in the ruler', () => {
    // Measured on event-ruler 2.0.1: the letter after the star blocks state sharing.
    assert.equal(score(['ab*c']), 2);
    assert.equal(score(['ab*c', 'ab*c']), 3);
    assert.equal(score(['ab*/', 'ab*/']), 2);
  });

  test('branches that share a field reach the same machine', () => {
    // {"$or":[{"f":[{"wildcard":"ab*c"}]},{"f":[{"wildcard":"ab*d"}]}]} scored 4 on the ruler.
    assert.equal(wildcardComplexityOfBranches([['ab*c'], ['ab*d']], { cap: 100 }), 4);
    assert.equal(wildcardComplexityOfBranches([['ab*c'], ['ab*c']], { cap: 100 }), 3);
  });

  test('the cap is respected and defaults to the first rejected score', () => {
    assert.equal(DEFAULT_COMPLEXITY_CAP, MAX_WILDCARD_COMPLEXITY + 1);
    const heavy = ['*a*a*a*a*a*a*a*a*a*a*a*a*'];
    assert.equal(wildcardComplexity(heavy), DEFAULT_COMPLEXITY_CAP);
    assert.equal(wildcardComplexity(heavy, { cap: 5 }), 5);
    assert.equal(wildcardComplexity(['x*y']), 2);
  });

  test('hostile inputs finish well under a second', () => {
    // About 0.3 s each on an idle machine (the work budget); the bound leaves room for load.
    const cases: [WildcardComplexityInput[], number][] = [
      [Array(50).fill('*a*a*a*a*a*'), 100],
      [Array.from({ length: 30 }, (_, i) => `*${String.fromCharCode(65 + i)}*z`), 1000],
      [Array.from({ length: 9 }, (_, i) => `*${i}*${i + 9}*${i + 18}`), 1000],
    ];
    for (const [patterns, cap] of cases) {
      const started = Date.now();
      assert.equal(wildcardComplexity(patterns, { cap }), cap);
      assert.equal(wildcardComplexity(patterns), DEFAULT_COMPLEXITY_CAP);
      assert.ok(Date.now() - started < 2000, `${patterns[0]}: ${Date.now() - started} ms`);
    }
  });

  test('a huge single pattern is still bounded (ruler testEvaluateBeyondMaxComplexity)', () => {
    const started = Date.now();
    assert.equal(rulerScore(['F*e*a*t*u*r*e*'.repeat(10000)]), 100);
    assert.ok(Date.now() - started < 5000);
  });

  test('unparsable operands and malformed operands throw', () => {
    assert.throws(() => wildcardComplexity(['a**']), /Consecutive wildcard characters at pos 2/);
    assert.throws(() => wildcardComplexity([{ kind: 'wildcard', values: ['a', 'b'] }]),
      TypeError);
  });
});

describe('javaHashSetOrder', () => {
  test('matches java.util.HashSet iteration order (checked with jshell)', () => {
    assert.deepEqual(javaHashSetOrder(['"*/init/*"', '"*/dir/*"']), ['"*/init/*"', '"*/dir/*"']);
    assert.deepEqual(javaHashSetOrder(['b', 'a', 'b']), ['a', 'b']);
    // 20 values: the table grows from 16 to 32 buckets on the way.
    const values = Array.from({ length: 20 }, (_, i) => `v${i * 7}`);
    assert.deepEqual(javaHashSetOrder(values), ['v7', 'v126', 'v112', 'v133', 'v70', 'v91',
      'v63', 'v84', 'v21', 'v98', 'v42', 'v119', 'v56', 'v105', 'v77', 'v14', 'v35', 'v0', 'v49',
      'v28']);
  });

  test('a bin of 9 colliding hashes grows the table, as HashMap does before treeifying', () => {
    // "Aa" and "BB" have the same Java hash, so these 9 strings share one bin.
    const colliding = ['AaAaAaAa', 'AaAaAaBB', 'AaAaBBAa', 'AaAaBBBB', 'AaBBAaAa', 'AaBBAaBB',
      'AaBBBBAa', 'AaBBBBBB', 'BBAaAaAa'];
    // Without the growth, k4 would come before m4 (jshell printed this order).
    assert.deepEqual(javaHashSetOrder(['k4', 'm4', ...colliding]), [...colliding, 'm4', 'k4']);
  });
});
