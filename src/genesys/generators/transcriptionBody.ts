import type { JsonObject } from '../json';
import type { SeededRandom } from '../random';
import { TRANSCRIPTION_STATUSES } from '../topics/transcription';
import { withTopicIds, type BodyGeneratorFactory } from './bodyGenerator';
import { FieldWalker, byPath, omit, sometimes, type Override } from './fieldWalker';
import { orgPools, type OrgPools } from './orgPools';

/*
 * One transcription event of a call in progress: the latest utterance with word timings inside
 * it, offsets counted from the session start. Once the session ends, Genesys sends a status
 * without transcripts.
 */

interface TranscriptionSession {
  readonly pools: OrgPools;
  readonly organizationId: string;
  readonly conversationId: string;
  readonly sessionStartMs: number;
  /** Milliseconds since the session started, at the event. */
  readonly elapsedMs: number;
  readonly status: string;
  readonly agentAssist: boolean;
  /** Offset of the utterance the event reports; where the status points to. */
  readonly utteranceOffsetMs: number;
}

const AGENT_PHRASES = [
  'thank you for calling how can i help you today',
  'let me pull up your account',
  'is there anything else i can help you with',
  'i can schedule that for you',
];
const CUSTOMER_PHRASES = [
  'hi i am calling about my last bill',
  'i would like to change my address',
  'my order has not arrived yet',
  'my card was declined',
];
const DIALECTS = ['en-US', 'en-US', 'es-US', 'en-GB'];

/** Per-word timings inside an utterance, in spoken order. */
function words(
  random: SeededRandom,
  text: string,
  offsetMs: number,
  decimals: number,
): JsonObject[] {
  let cursor = offsetMs;
  const scale = 10 ** decimals;
  return text.split(' ').map((word) => {
    const durationMs = 80 * random.integer(1, 6);
    const entry = {
      confidence: Math.round(random.integer(450, 990) / 1000 * scale) / scale,
      offsetMs: cursor,
      durationMs,
      word,
    };
    cursor += durationMs + 80 * random.integer(0, 2);
    return entry;
  });
}

function transcript(session: TranscriptionSession, random: SeededRandom, channel: string) {
  const phrases = channel === 'INTERNAL' ? AGENT_PHRASES : CUSTOMER_PHRASES;
  const text = random.pick(phrases);
  const spoken = words(random, text, session.utteranceOffsetMs, 3);
  const last = spoken[spoken.length - 1] as { offsetMs: number; durationMs: number };
  const decorated = text.charAt(0).toUpperCase() + text.slice(1) + '.';
  return {
    confidence: Math.round(random.integer(500, 990) / 10) / 100,
    offsetMs: session.utteranceOffsetMs,
    durationMs: last.offsetMs + last.durationMs - session.utteranceOffsetMs,
    transcript: text,
    words: spoken,
    decoratedTranscript: decorated,
    decoratedWords: words(random, decorated, session.utteranceOffsetMs, 2),
  };
}

const OVERRIDES: Readonly<Record<string, Override<TranscriptionSession>>> = {
  organizationId: ({ scope }) => scope.organizationId,
  conversationId: ({ scope }) => scope.conversationId,
  communicationId: ({ random }) => random.uuid(),
  sessionStartTimeMs: ({ scope }) => scope.sessionStartMs,
  // Transcription is requested a few milliseconds before the media session reports its start.
  transcriptionStartTimeMs: ({ scope, random }) => scope.sessionStartMs - random.integer(5, 60),
  transcripts: ({ scope, elements }) =>
    scope.status === 'SESSION_ENDED' ? undefined : elements([scope]),
  'transcripts.utteranceId': ({ random }) => random.uuid(),
  'transcripts.isFinal': ({ random }) => random.chance(0.85),
  'transcripts.channel': ({ choose, random }) =>
    choose(() => (random.chance(0.5) ? 'INTERNAL' : 'EXTERNAL')),
  'transcripts.alternatives': ({ scope, random, siblings }) => [
    transcript(scope, random, siblings['channel'] as string),
  ],
  'transcripts.agentAssistantId': ({ scope, random }) =>
    scope.agentAssist ? random.pick(scope.pools.agentAssistants) : undefined,
  'transcripts.engineProvider': () => 'GENESYS',
  // The one engine id seen in captured events.
  'transcripts.engineId': () => 'r2d2',
  'transcripts.engineName': omit,
  // Dialect case varies in real events (es-US and es-us both occur).
  'transcripts.dialect': ({ random }) => {
    const dialect = random.pick(DIALECTS);
    return random.chance(0.1) ? dialect.toLowerCase() : dialect;
  },
  'transcripts.speechTextAnalyticsProgramId': ({ scope, random }) =>
    sometimes(random, 0.2, () => random.pick(scope.pools.speechAnalyticsPrograms)),
  'transcripts.agentAssistEnabled': ({ scope }) => scope.agentAssist,
  'transcripts.voiceTranscriptionEnabled': () => true,
  // The status was chosen with the session, so it is always written.
  status: ({ generate }) => generate(),
  'status.offsetMs': ({ scope }) =>
    scope.status === 'SESSION_ENDED' ? scope.elapsedMs : scope.utteranceOffsetMs,
  'status.status': ({ scope }) => scope.status,
  speechTextAnalyticsProgramId: ({ scope, random }) =>
    sometimes(random, 0.2, () => random.pick(scope.pools.speechAnalyticsPrograms)),
};

export const createTranscriptionBodyGenerator: BodyGeneratorFactory = (seed) => {
  const pools = orgPools(seed);
  return (request) => {
    const { random, coverage, eventTime } = request;
    const elapsedMs = random.integer(5_000, 20 * 60_000);
    const session: TranscriptionSession = {
      pools,
      organizationId: request.organizationId,
      conversationId: random.uuid(),
      sessionStartMs: eventTime - elapsedMs,
      elapsedMs,
      status: coverage.choose('status.status', TRANSCRIPTION_STATUSES, () =>
        random.chance(0.85) ? 'SESSION_ONGOING' : 'SESSION_ENDED',
      ),
      agentAssist: random.chance(0.3),
      // Speech is recognised a few seconds after it was spoken.
      utteranceOffsetMs: elapsedMs - random.integer(2_000, 4_000),
    };
    const walker = new FieldWalker<TranscriptionSession>(request, { resolve: byPath(OVERRIDES) });
    const eventBody = walker.body(session);
    return withTopicIds(request.topic, eventBody);
  };
};
