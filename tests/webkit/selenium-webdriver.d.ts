// selenium-webdriver ships no types. The part of its API the WebKit suite uses, declared by hand
// (rather than a second dependency, @types/selenium-webdriver, for a dozen methods).
declare module 'selenium-webdriver' {
  export class By {
    static css(selector: string): By;
  }
  export interface WebElement {
    click(): Promise<void>;
    getText(): Promise<string>;
    getAttribute(name: string): Promise<string | null>;
    takeScreenshot(): Promise<string>;
  }
  export interface Navigation {
    back(): Promise<void>;
    forward(): Promise<void>;
    refresh(): Promise<void>;
  }
  export interface Window {
    setRect(rect: { width?: number; height?: number; x?: number; y?: number }): Promise<unknown>;
  }
  export interface Options {
    window(): Window;
  }
  export class WebDriver {
    get(url: string): Promise<void>;
    getCurrentUrl(): Promise<string>;
    getTitle(): Promise<string>;
    executeScript<T>(script: string | ((...args: never[]) => unknown), ...args: unknown[]): Promise<T>;
    findElement(by: By): Promise<WebElement>;
    findElements(by: By): Promise<WebElement[]>;
    navigate(): Navigation;
    manage(): Options;
    takeScreenshot(): Promise<string>;
    quit(): Promise<void>;
  }
  export class Builder {
    usingServer(url: string): this;
    withCapabilities(capabilities: Record<string, unknown>): this;
    build(): WebDriver;
  }
}
