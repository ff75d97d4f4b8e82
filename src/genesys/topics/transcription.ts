import {
  BOOLEAN,
  DURATION_MS,
  EPOCH_MS,
  ID,
  ISO_TIME,
  NUMBER,
  TEXT,
  enumOf,
  field,
  listOf,
  objectOf,
  type FieldSpec,
} from '../fieldModel';
import { defineTopic, type TopicDefinition } from '../topicModel';

/*
 * Live transcription of a voice conversation. The event time is an ISO-8601 string but the
 * session start times are epoch-ms integers and offsets are milliseconds from that start, so one
 * body mixes both formats. Enums are UPPERCASE; dialects keep their own case (en-US, es-us).
 */

/** INTERNAL is the agent's side of the call, EXTERNAL the customer's. */
export const TRANSCRIPT_CHANNELS = ['UNKNOWN', 'INTERNAL', 'EXTERNAL', 'BOTH'] as const;

/** A SESSION_ENDED event closes the session and carries no transcripts. */
export const TRANSCRIPTION_STATUSES = ['UNKNOWN', 'SESSION_ONGOING', 'SESSION_ENDED'] as const;

const offsetMs = field('offsetMs', DURATION_MS, 'Milliseconds from the start of the session.');
const durationMs = field('durationMs', DURATION_MS, 'Length, milliseconds.');

const words = (name: string, description: string): FieldSpec =>
  field(
    name,
    listOf(
      objectOf([
        field('confidence', NUMBER, 'Recognition confidence, 0 to 1.'),
        field('startTimeMs', EPOCH_MS, 'When the word started, epoch milliseconds.'),
        offsetMs,
        durationMs,
        field('word', TEXT, 'The word.'),
      ]),
    ),
    description,
  );

const speechTextAnalyticsProgramId = field(
  'speechTextAnalyticsProgramId',
  ID,
  'Speech and text analytics program applied.',
);

export const transcriptionTopic: TopicDefinition = defineTopic({
  template: 'v2.conversations.{id}.transcription',
  family: 'transcription',
  description: 'Utterances recognised in a voice conversation, or the end of transcription.',
  knownOnEventBridge: true,
  enumCase: 'UPPERCASE',
  templateIdFields: ['conversationId'],
  fields: [
    field('eventTime', ISO_TIME, 'When the event was produced, ISO-8601 string.'),
    field('organizationId', ID, 'Genesys organisation.'),
    field('conversationId', ID, 'Conversation; the same id appears in detail.topicName.'),
    field('communicationId', ID, 'Communication (call leg) being transcribed.'),
    field('sessionStartTimeMs', EPOCH_MS, 'When the media session started, epoch milliseconds.'),
    field(
      'transcriptionStartTimeMs',
      EPOCH_MS,
      'When transcription started, epoch milliseconds.',
    ),
    field(
      'transcripts',
      listOf(
        objectOf([
          field('utteranceId', ID, 'Utterance.'),
          field('isFinal', BOOLEAN, 'False for interim results that may still change.'),
          field('channel', enumOf(TRANSCRIPT_CHANNELS), 'Who spoke.'),
          field(
            'alternatives',
            listOf(
              objectOf([
                field('confidence', NUMBER, 'Recognition confidence, 0 to 1.'),
                offsetMs,
                durationMs,
                field('transcript', TEXT, 'Recognised text.'),
                words('words', 'The words of the transcript.'),
                field('decoratedTranscript', TEXT, 'Text after formatting and redaction.'),
                words('decoratedWords', 'The words of the decorated transcript.'),
              ]),
            ),
            'Recognition hypotheses, best first.',
          ),
          field('agentAssistantId', ID, 'Agent assistant receiving the transcript.'),
          field('engineProvider', TEXT, 'Transcription engine vendor, e.g. GENESYS.'),
          field('engineId', TEXT, 'Engine identifier.'),
          field('engineName', TEXT, 'Engine name.'),
          field('dialect', TEXT, 'Language of the transcript, e.g. en-US; case varies.'),
          speechTextAnalyticsProgramId,
          field('agentAssistEnabled', BOOLEAN, 'Whether agent assist uses the transcript.'),
          field('voiceTranscriptionEnabled', BOOLEAN, 'Whether voice transcription is on.'),
        ]),
      ),
      'Transcribed utterances; absent once the session ended.',
    ),
    field(
      'status',
      objectOf([
        offsetMs,
        field('status', enumOf(TRANSCRIPTION_STATUSES), 'Whether the session goes on.'),
      ]),
      'State of the transcription session.',
    ),
    speechTextAnalyticsProgramId,
  ],
});
