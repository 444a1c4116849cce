export interface ReadmeExample {
  command: string;
  shown: string;
  index: number;
}
export function readmeExamples(text?: string): ReadmeExample[];
export function runExample(command: string): string;
