import { readFileSync } from 'fs';
import { load } from 'js-yaml';
import path from 'path';
import { PROJECT_ROOT } from './collect';

export interface ManagedQuery {
  name: string;
  query: string;
  resultsAre: string;
}

export interface ManagedQuestion {
  id: string;
  title: string;
  queries: ManagedQuery[];
}

/** The managed questions of jupiterone/questions/questions.yaml. */
export function loadQuestions(): ManagedQuestion[] {
  const file = path.join(
    PROJECT_ROOT,
    'jupiterone',
    'questions',
    'questions.yaml',
  );
  return (load(readFileSync(file, 'utf8')) as { questions: ManagedQuestion[] })
    .questions;
}
