/**
 * /quiz [seed] [questions] — multiple-choice questions on the material, one at a time, with
 * immediate feedback (the right answer and its source) and a final score. Buttons carry the seed,
 * the question number, the score and the owner: the quiz is remade from the seed on each click.
 * A click is acted on only from the member who started the quiz and only when its custom id is one
 * of the buttons now on the message (see pager.ts), so a forged step or score is never taken.
 */
import { ButtonStyle, ComponentType, SlashCommandBuilder } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { makeCustomId } from '../src/discord/custom-id.ts';
import { STALE_BUTTON, checkClick, toInteractionUpdate } from '../src/discord/pager.ts';
import {
  COLOURS,
  LIMITS,
  embedsReply,
  textReply,
  toInteractionReply,
  truncate,
} from '../src/discord/reply.ts';
import type { Reply } from '../src/discord/reply.ts';
import { clip } from '../src/onboarding/cite.ts';
import {
  DEFAULT_QUESTIONS,
  MAX_QUESTIONS,
  MIN_QUESTIONS,
  clampQuestions,
  makeQuiz,
  randomSeed,
} from '../src/onboarding/quiz.ts';
import type { QuizQuestion } from '../src/onboarding/quiz.ts';

const NAME = 'quiz';
const MAX_SEED = 2_147_483_647;
const LETTERS = ['A', 'B', 'C', 'D'];

/** The state a click carries: `quiz:<seed>:<count>:<index>:<score>:<owner>:<choice>:<issued-at>`. */
export interface QuizState {
  seed: number;
  count: number;
  index: number;
  score: number;
  ownerId: string;
}

export function readQuizArgs(args: string[]): (QuizState & { choice: number }) | null {
  if (args.length !== 6) return null;
  const [seed, count, index, score, ownerId, choice] = args as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (![seed, count, index, score, choice].every((n) => /^\d{1,10}$/.test(n)) || !ownerId) return null;
  return {
    seed: Number(seed),
    count: Number(count),
    index: Number(index),
    score: Number(score),
    ownerId,
    choice: Number(choice),
  };
}

export function questionEmbed(q: QuizQuestion, state: QuizState, total: number): APIEmbed {
  const options = q.options.map((o, i) => `**${LETTERS[i]}.** ${o}`).join('\n');
  return {
    color: COLOURS.answer,
    title: `Question ${state.index + 1}/${total}`,
    description: truncate(`${q.text}\n\n${options}`, LIMITS.embedDescription),
    footer: {
      text: `Score ${state.score}/${state.index} · seed ${state.seed} (/quiz seed:${state.seed} to replay)`,
    },
  };
}

export function optionsRow(
  q: QuizQuestion,
  state: QuizState,
  now = Date.now(),
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: q.options.map((label, choice) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: truncate(`${LETTERS[choice]}. ${label}`, 80),
      custom_id: makeCustomId(
        NAME,
        [state.seed, state.count, state.index, state.score, state.ownerId, choice],
        now,
      ),
    })),
  };
}

function feedbackEmbed(q: QuizQuestion, choice: number): APIEmbed {
  const right = choice === q.correct;
  const answered = q.options[choice] ?? '?';
  const rightAnswer = q.options[q.correct] ?? '?';
  const lines = [
    `*${q.text}*`,
    right ? `**${answered}** is right.` : `You answered ${answered}; the answer is **${rightAnswer}**.`,
    '',
    clip(q.answer, 700),
    `↳ *${q.citation}*`,
  ];
  return {
    color: right ? COLOURS.answer : COLOURS.error,
    title: right ? '✅ Correct' : '❌ Incorrect',
    description: truncate(lines.join('\n'), LIMITS.embedDescription),
    footer: { text: `fact: ${q.factId}` },
  };
}

function finalEmbed(state: QuizState, total: number): APIEmbed {
  return {
    color: COLOURS.answer,
    title: `Quiz finished — score ${state.score}/${total}`,
    description: `You answered ${state.score} of ${total} questions right. Run \`/quiz seed:${state.seed}\` to try the same quiz again, or \`/quiz\` for a new one.`,
    footer: { text: `seed ${state.seed}` },
  };
}

/** The question at `state.index` with its buttons, after an optional feedback embed. */
function questionReply(quiz: QuizQuestion[], state: QuizState, before: APIEmbed[] = []): Reply {
  const q = quiz[state.index] as QuizQuestion;
  return {
    ...embedsReply([...before, questionEmbed(q, state, quiz.length)]),
    components: [optionsRow(q, state)],
  };
}

export default {
  data: new SlashCommandBuilder()
    .setName(NAME)
    .setDescription('A multiple-choice quiz on the material, with the source of each answer')
    .addIntegerOption((o) =>
      o
        .setName('seed')
        .setDescription('The same seed gives the same quiz (default: a random one)')
        .setMinValue(0)
        .setMaxValue(MAX_SEED),
    )
    .addIntegerOption((o) =>
      o
        .setName('questions')
        .setDescription(
          `How many questions (${MIN_QUESTIONS}–${MAX_QUESTIONS}, default ${DEFAULT_QUESTIONS})`,
        )
        .setMinValue(MIN_QUESTIONS)
        .setMaxValue(MAX_QUESTIONS),
    ),

  async execute(interaction, ctx) {
    const seed = interaction.options.getInteger('seed') ?? randomSeed();
    const count = clampQuestions(interaction.options.getInteger('questions'));
    const quiz = makeQuiz(ctx.engine, seed, count);
    if (quiz.length === 0) {
      await interaction.reply(
        toInteractionReply(textReply('The material has no facts to quiz on yet.', { hide: true })),
      );
      return;
    }
    const state = { seed, count: quiz.length, index: 0, score: 0, ownerId: interaction.user.id };
    await interaction.reply(toInteractionReply(questionReply(quiz, state)));
  },

  async button(interaction, args, ctx) {
    if (!(await checkClick(interaction, 'quiz', NAME))) return;
    const parsed = readQuizArgs(args);
    const quiz = parsed ? makeQuiz(ctx.engine, parsed.seed, parsed.count) : [];
    const q = parsed ? quiz[parsed.index] : undefined;
    if (!parsed || !q || parsed.choice >= q.options.length || parsed.score > parsed.index) {
      await interaction.reply(toInteractionReply(textReply(STALE_BUTTON, { hide: true })));
      return;
    }
    const score = parsed.score + (parsed.choice === q.correct ? 1 : 0);
    const next: QuizState = { ...parsed, index: parsed.index + 1, score };
    const feedback = feedbackEmbed(q, parsed.choice);
    const reply =
      next.index < quiz.length
        ? questionReply(quiz, next, [feedback])
        : { ...embedsReply([feedback, finalEmbed(next, quiz.length)]), components: [] };
    await interaction.update(toInteractionUpdate(reply));
  },
} satisfies Command;
