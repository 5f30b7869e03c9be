import { DEMO_ASSETS } from '../../assets/index.js';
import { CRISIS_LABELS, type CrisisLabel } from '../../bots/classifier/intent-model.js';
import { messageFeatures, type Features } from '../../bots/classifier/features.js';
import { trainModel, type LearnedModel, type TrainingExample, type TrainOptions } from '../../bots/classifier/learned.js';
import { createMessageReader } from '../../bots/classifier/read-message.js';
import { detectLanguage } from '../../bots/language.js';
import { tagPrefixes } from '../../bots/skills/equipment.js';
import { messageBody } from '../../bots/text/message-body.js';
import type { LibraryCalendarWithHelpers } from '../../core/calendar.js';
import { INTENTS, type Intent } from '../../core/intents.js';
import type { KnowledgePort, Language } from '../../core/knowledge.js';
import type { ArticleCandidate } from '../../bots/skills/faq-search.js';
import { readConversations, type EvalCase } from './eval-corpus.js';
import { EVAL_NOW } from './eval-world.js';

/**
 * The examples both models learn from, read once: every tuning message through the router's own
 * reader (same entities, knowledge scores and cues as in production), grouped by conversation so that a
 * cross-validation fold never splits a dialogue, plus the knowledge articles' own questions.
 */
export interface TrainingData {
  /** Per tuning conversation, its messages in order. */
  conversations: TunedMessage[][];
  /** Article questions as `faq` examples for the intent model. */
  articleQuestions: TrainingExample[];
  /** Article questions as examples for the article model, labelled with the English article id. */
  articleQuestionLabels: TrainingExample<string>[];
  /** Every article id the article model chooses between. */
  articleIds: string[];
}

export interface TunedMessage {
  case: EvalCase;
  language: Language;
  /** The knowledge base's candidates for the message, before the article model re-ranks them. */
  searched: ArticleCandidate[];
  intentExample: TrainingExample;
  /** Present when the message is labelled with the article that answers it. */
  articleExample?: TrainingExample<string>;
  /** Danger now or not: the crisis model's example. */
  crisisExample: TrainingExample<CrisisLabel>;
}

/**
 * Articles whose questions are not FAQ questions in routing terms: opening hours are the hours skill's,
 * contact details and holiday dates the branch-facts and hours answers'.
 */
const NOT_FAQ_ARTICLES = new Set(['hours-and-locations', 'hours-and-locations-es', 'contact-us', 'holiday-closures']);
/** Article questions are tidier than patrons' messages: they count half. */
const ARTICLE_QUESTION_WEIGHT = 0.5;

/**
 * The training settings both models ship with, chosen by the cross-validation in train-classifier.ts.
 * The intent model stops earlier (five passes, averaged over three shuffles): more passes fit the tuning
 * messages' rare words and made more confident mistakes on the messages held back in each fold.
 */
export const INTENT_TRAINING: TrainOptions = { epochs: 5, learningRate: 0.2, l2: 3e-3, shuffles: 3 };
export const ARTICLE_TRAINING: TrainOptions = { epochs: 10, learningRate: 0.2, l2: 3e-3 };
export const CRISIS_TRAINING: TrainOptions = { epochs: 10, learningRate: 0.2, l2: 3e-3 };
/** One crisis message in forty: each counts several times, so the few there are are not drowned out. */
const CRISIS_WEIGHT = 4;

export function readTrainingData(knowledge: KnowledgePort, calendar: LibraryCalendarWithHelpers): TrainingData {
  const reader = createMessageReader({ knowledge, calendar });
  const now = new Date(EVAL_NOW);
  const assetPrefixes = tagPrefixes(DEMO_ASSETS);
  const read = (text: string): { words: Features; features: Features; language: Language; searched: ArticleCandidate[] } => {
    const body = messageBody(text);
    const language = detectLanguage(body);
    const reading = reader.read(body, { now, language, assetPrefixes });
    return { words: reading.words, features: messageFeatures(reading.tokens, reading.signals), language, searched: reading.articles };
  };

  const conversations = readConversations('tuning').map((conversation) =>
    conversation.map((item): TunedMessage => {
      const { words, features, language, searched } = read(item.text);
      const crisisExample: TrainingExample<CrisisLabel> = item.crisis ? { features: words, intent: 'crisis', weight: CRISIS_WEIGHT } : { features: words, intent: 'other' };
      const message: TunedMessage = { case: item, language, searched, intentExample: { features, intent: item.intent }, crisisExample };
      if (item.article) message.articleExample = { features: words, intent: item.article };
      return message;
    }),
  );

  const articles = knowledge.all();
  const originalOf = (article: { id: string; translationOf?: string }): string => article.translationOf ?? article.id;
  const articleQuestions: TrainingExample[] = [];
  const articleQuestionLabels: TrainingExample<string>[] = [];
  for (const article of articles) {
    const routedAsFaq = !NOT_FAQ_ARTICLES.has(originalOf(article));
    for (const question of article.questions) {
      const { words, features } = read(question);
      if (routedAsFaq) articleQuestions.push({ features, intent: 'faq', weight: ARTICLE_QUESTION_WEIGHT });
      articleQuestionLabels.push({ features: words, intent: originalOf(article), weight: ARTICLE_QUESTION_WEIGHT });
    }
  }
  const labelledIds = conversations.flat().flatMap((message) => (message.articleExample ? [message.articleExample.intent] : []));
  const articleIds = [...new Set([...articleQuestionLabels.map((item) => item.intent), ...labelledIds])].sort();
  return { conversations, articleQuestions, articleQuestionLabels, articleIds };
}

/** The tuning messages of the conversations `select` picks (all when it is absent). */
export function selectedMessages(data: TrainingData, select?: (index: number) => boolean): TunedMessage[] {
  return data.conversations.filter((_, index) => !select || select(index)).flat();
}

export function trainIntentModel(data: TrainingData, select?: (index: number) => boolean, options: TrainOptions = INTENT_TRAINING): LearnedModel {
  const tuning = selectedMessages(data, select).map((message) => message.intentExample);
  const model = trainModel<Intent>([...tuning, ...data.articleQuestions], INTENTS, options);
  model.trainedOn = { examples: tuning.length, articleQuestions: data.articleQuestions.length };
  return model;
}

export function trainArticleModel(data: TrainingData, select?: (index: number) => boolean, options: TrainOptions = ARTICLE_TRAINING): LearnedModel<string> {
  const labelled = selectedMessages(data, select).flatMap((message) => (message.articleExample ? [message.articleExample] : []));
  const model = trainModel([...labelled, ...data.articleQuestionLabels], data.articleIds, options);
  model.trainedOn = { examples: labelled.length, articleQuestions: data.articleQuestionLabels.length };
  return model;
}

export function trainCrisisModel(data: TrainingData, select?: (index: number) => boolean, options: TrainOptions = CRISIS_TRAINING): LearnedModel<CrisisLabel> {
  const examples = selectedMessages(data, select).map((message) => message.crisisExample);
  const model = trainModel(examples, CRISIS_LABELS, options);
  model.trainedOn = { examples: examples.length, articleQuestions: 0 };
  return model;
}
