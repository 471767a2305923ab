/**
 * Commands over one topic of the material (/parks, /exports): without a question, every fact of the
 * topic with its source; with one (autocompleted from the topic's curated questions), the engine's answer.
 */
import { SlashCommandBuilder } from 'discord.js';
import type { Engine } from '../engine/engine.ts';
import type { Answer, Fact } from '../engine/types.ts';
import { suggestQuestions } from './autocomplete.ts';
import { commandSource, hideOption, mentionOption, readReplyOptions } from './command.ts';
import type { Command } from './command.ts';
import { answerReply, toInteractionReply } from './reply.ts';

export interface TopicCommandSpec {
  name: string;
  description: string;
  topic: string;
  /** How the overview begins, e.g. "What the material says about Iran's industrial parks". */
  heading: string;
}

const topicFacts = new WeakMap<readonly Fact[], Map<string, Fact[]>>();

/** The facts of a topic (the same array each time, so autocomplete indexes are reused). */
export function factsOfTopic(facts: readonly Fact[], topic: string): Fact[] {
  let byTopic = topicFacts.get(facts);
  if (!byTopic) {
    byTopic = new Map();
    topicFacts.set(facts, byTopic);
  }
  let list = byTopic.get(topic);
  if (!list) {
    list = facts.filter((f) => f.topic === topic);
    byTopic.set(topic, list);
  }
  return list;
}

/** Every fact of a topic as one answer, newest first, each cited. */
export function topicAnswer(engine: Engine, topic: string, heading: string): Answer {
  const answered = factsOfTopic(engine.facts, topic)
    .map((f) => engine.answeredFact(f))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const t = engine.topics.get(topic);
  return {
    query: heading,
    status: answered.length > 0 ? 'answered' : 'no_match',
    kind: t?.kind === 'trend' ? 'trend' : t?.kind === 'disagreement' ? 'disagreement' : 'several',
    answer:
      answered.length > 0
        ? [`${heading} (newest first):`, ...answered.map((a) => `• ${a.answer}`)].join('\n')
        : 'The material has nothing on this yet.',
    citations: answered.map((a) => a.citation),
    facts: answered,
    score: 1,
    suggestions: [],
    factIds: answered.map((a) => a.id),
    corrections: [],
    note: t?.note,
  };
}

export function topicCommand(spec: TopicCommandSpec): Command {
  return {
    data: new SlashCommandBuilder()
      .setName(spec.name)
      .setDescription(spec.description)
      .addStringOption((o) =>
        o
          .setName('question')
          .setDescription('A question on this subject (leave empty for everything the material says)')
          .setMaxLength(500)
          .setAutocomplete(true),
      )
      .addBooleanOption(hideOption)
      .addUserOption(mentionOption),

    async execute(interaction, ctx) {
      const question = interaction.options.getString('question')?.trim();
      let answer: Answer;
      if (question) answer = ctx.ask(question, commandSource(interaction));
      else {
        answer = topicAnswer(ctx.engine, spec.topic, spec.heading);
        ctx.logger.info('topic shown', {
          ...commandSource(interaction),
          topic: spec.topic,
          factIds: answer.factIds,
        });
      }
      await interaction.reply(toInteractionReply(answerReply(answer, readReplyOptions(interaction))));
    },

    async autocomplete(interaction, ctx) {
      const facts = factsOfTopic(ctx.engine.facts, spec.topic);
      await interaction.respond(suggestQuestions(facts, interaction.options.getFocused()));
    },
  };
}
