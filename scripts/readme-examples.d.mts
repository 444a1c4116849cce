export interface ReadmeExample {
  command: string;
  shown: string;
  index: number;
}
export function readmeExamples(text?: string): ReadmeExample[];
export function runExample(command: string): string;
export interface ReadmeCodeExample {
  code: string;
  shown: string;
  index: number;
}
export function readmeCodeExamples(text?: string): ReadmeCodeExample[];
export function runCodeExample(code: string): string;
export function typeCheckCodeExamples(codes: string[]): string;
