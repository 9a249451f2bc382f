import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The host's own part around the README's AppModule: a `@Cron` job ticking every second, counted at GET /host/ticks. */
const HOST_MAIN = `import 'reflect-metadata';
import { Controller, Get, Injectable, Module, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Cron } from '@nestjs/schedule';
import { AppModule } from './app.module.js';

@Injectable()
class Ticker {
  count = 0;
  @Cron('* * * * * *', { name: 'host-ticker' })
  tick(): void {
    this.count += 1;
  }
}

@Controller('host')
class TicksController {
  constructor(private readonly ticker: Ticker) {}
  @Get('ticks')
  ticks(): { count: number } {
    return { count: this.ticker.count };
  }
}

@Module({ imports: [AppModule], controllers: [TicksController], providers: [Ticker] })
class HostModule {}

const app = await NestFactory.create(HostModule, { logger: ['error', 'warn'] });
app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
await app.listen(Number(process.env.PORT), '127.0.0.1');
`;

const HOST_TSCONFIG = {
  compilerOptions: {
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2023',
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    strict: true,
    skipLibCheck: true,
    rootDir: 'src',
    outDir: 'dist',
    types: ['node'],
  },
  include: ['src'],
};

/** The README's embedding example, exactly as printed there (the first `ts` block of "Embedding the module"). */
export function readmeEmbeddingExample(readme: string): string {
  const section = readme.slice(readme.indexOf('## Embedding the module'));
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README.md has no ts block under "Embedding the module"');
  return block;
}

/** Writes a host app (its package.json with `dependencies`, the README's AppModule, the host's main) into `dir`. */
export function writeHostApp(dir: string, readme: string, dependencies: Record<string, string>): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'host-app', private: true, type: 'module', dependencies }, null, 2));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(HOST_TSCONFIG, null, 2));
  writeFileSync(join(dir, 'src/app.module.ts'), readmeEmbeddingExample(readme));
  writeFileSync(join(dir, 'src/main.ts'), HOST_MAIN);
}

/** The version ranges this checkout depends on, for the host to ask for the same ones. */
export function checkoutRanges(root: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return { ...manifest.dependencies, ...manifest.devDependencies };
}
