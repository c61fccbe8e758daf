// proxy-from-env (axios's dependency, through the gigachat devDependency) ships no types.
declare module 'proxy-from-env' {
  export function getProxyForUrl(url: string): string;
}
