/** Words that carry no subject in a question, and word sets compared with stemmed words. */
import { stem } from './stem.ts';

/** A set of words as given and as stemmed ("does" and "doe"), to test analysed (stemmed) words against. */
export function stopwordSet(list: string): ReadonlySet<string> {
  const set = new Set<string>();
  for (const w of list.split(/\s+/).filter(Boolean)) {
    set.add(w);
    set.add(stem(w));
  }
  return set;
}

/**
 * Words that carry no subject in a question. Tuned for questions: interrogatives, auxiliaries,
 * politeness and chat filler. Words that signal what kind of answer is wanted ("how many",
 * "who", "when") are read (the engine's detectIntent) before they are dropped.
 */
export const STOPWORDS: ReadonlySet<string> = stopwordSet(
  `a an the and or but nor of in on at to for with by from into onto about over under as than then
  up out off down
  is are was were be been being am do does did done doing has have had having will would shall should
  can could may might must i me my we us our you your he him his she her they them their it its this
  that these those there here what which who whom whose when where why how whats whos wheres hows
  any some all each every much many more few lot lots one ones
  tell know say said saying says please pls plz thanks thank hi hello hey ok okay yes no not
  give gives gave given giving list show explain describe mean meant info information detail details anything something
  just also too very really quite so such only even still yet ever again
  get got go going went want like make makes made making
  number amount total count figure quantity chunk chunks slice
  think thinks thought try tries tried trying consider considered considers exist exists existing
  seem seems seemed seemingly
  bother roughly approximately approx basically actually exactly specifically generally
  kind sort stuff thing things event events piece story article according besides beside wonder wondering
  curious guess speak spoke spoken talk talked talking mention mentioned claim claimed
  located location situated name names
  yo sup hiya heya heyy heyyy bro guys folks dude lol hmm um uh btw anyway anyways quick question q anyone
  tl dr tldr
  anybody someone
  somebody news update updates side sides per etcetera mostly mainly among amongst apart
  heard hear hearing true correct right remind reminder recall remember read reading seeing saw
  seen noticed keep keeps based big huge bigger biggest larger largest greater smaller fewer lower higher
  vs versus compare compared comparison difference
  s t d ll re ve m`,
);
