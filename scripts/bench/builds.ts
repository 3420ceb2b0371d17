import { ARCHIVE_DIST, SAMPLE_DIST, type BenchSection, type BuildFigures } from './context.ts';
import { build, int } from './table.ts';

/*
 * Build time and peak memory for the sample and for the generated archive, and their ratio:
 * the embedded source should keep a 10,000-article archive within 2× the sample, so a real
 * archive does not make every deploy slow (docs/decisions/0007-embedded-source-index.md).
 */
type Builds = Record<'sample' | 'archive', BuildFigures>;

export const buildsSection: BenchSection<Builds> = {
  key: 'builds',
  async run(ctx) {
    return {
      sample: await ctx.build('the sample site', ctx.root, SAMPLE_DIST, ctx.sampleEnv, ctx.sampleArticles),
      archive: await ctx.build(
        `the ${ctx.options.archive}-article archive`,
        ctx.root,
        ARCHIVE_DIST,
        ctx.baseEnv({ CONTENT_DATASET: ctx.archiveDir }),
        ctx.options.archive,
      ),
    };
  },
  rows(r) {
    const ratio =
      r.sample.seconds !== undefined && r.archive.seconds !== undefined
        ? `${(r.archive.seconds / r.sample.seconds).toFixed(2)}× the sample's time (goal ≤ 2×)`
        : 'not timed';
    return [
      [`Build, sample dataset (${r.sample.articles} articles)`, build(r.sample)],
      [`Build, generated archive (${int(r.archive.articles)} articles)`, `${build(r.archive)} · ${ratio}`],
    ];
  },
};
