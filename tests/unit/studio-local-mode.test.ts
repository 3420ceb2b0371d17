import { createClient } from '@sanity/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { createWorkspaceFromConfig, prepareConfig, type Config, type CurrentUser, type WorkspaceOptions } from 'sanity';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentLakeUrl, parseEnv } from '../../lib/env.ts';

/*
 * Without a Sanity project the Studio at /studio talks to the local Content Lake
 * (lake/); with one, to Sanity exactly as before. sanity/env.ts reads the
 * project id when it loads, so each mode gets fresh modules.
 */
type Mode = 'local' | 'project';

async function loadInMode(mode: Mode) {
  vi.resetModules();
  vi.stubEnv('NEXT_PUBLIC_SANITY_PROJECT_ID', mode === 'project' ? 'abc123' : '');
  const studio = await import('../../sanity.config.ts');
  const page = await import('../../app/studio/[[...tool]]/page.tsx');
  return { ...studio, StudioPage: page.default };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const editor: CurrentUser = {
  id: 'p-local',
  name: 'Local Editor',
  email: 'editor@localhost',
  role: 'administrator',
  roles: [{ name: 'administrator', title: 'Administrator' }],
};

/** The workspace as Sanity itself resolves the config, with the client the Studio would build from apiHost. */
async function resolve(config: Config) {
  const [summary] = prepareConfig(config).workspaces;
  if (!summary) throw new Error('no workspace');
  const client = createClient({ projectId: summary.projectId, dataset: summary.dataset, apiHost: summary.apiHost, apiVersion: '2025-02-19', useCdn: false });
  const workspace = await createWorkspaceFromConfig({ ...(config as WorkspaceOptions), currentUser: editor, getClient: () => client });
  return { summary, client, workspace };
}

const LAKE = 'http://localhost:5050';

describe('the Studio without a Sanity project', () => {
  it('talks to the lake at the URL the page passes, on the project-id host the lake answers', async () => {
    const { createStudioConfig } = await loadInMode('local');
    const { summary, client } = await resolve(createStudioConfig({ lakeUrl: LAKE }));
    expect(summary.projectId).toBe('no-project');
    expect(summary.apiHost).toBe(LAKE);
    expect(client.getUrl('/data/query/production')).toBe('http://no-project.localhost:5050/v2025-02-19/data/query/production');
  });

  it('searches with the strategy groq-js can run and leaves out what only Sanity’s cloud offers', async () => {
    const { createStudioConfig } = await loadInMode('local');
    const { summary, workspace } = await resolve(createStudioConfig({ lakeUrl: LAKE }));
    expect(workspace.search.strategy).toBe('groqLegacy');
    expect(summary.releases).toMatchObject({ enabled: false });
    expect(summary.scheduledDrafts).toEqual({ enabled: false });
    expect(workspace.apps).toEqual({ canvas: { enabled: false } });
    expect(summary.tasks).toEqual({ enabled: false });
    expect(workspace.announcements).toEqual({ enabled: false });
    expect(workspace.document.comments.enabled({ documentType: 'article' })).toBe(false);
    expect(workspace.document.askToEdit.enabled({ documentType: 'article' })).toBe(false);
  });

  it('keeps the site’s own document actions and tools', async () => {
    const { createStudioConfig } = await loadInMode('local');
    const { workspace } = await resolve(createStudioConfig({ lakeUrl: LAKE }));
    expect(workspace.tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(['structure', 'presentation', 'vision']));
    const actions = workspace.document.actions({ schemaType: 'article', documentId: 'a', releaseId: undefined, versionType: 'draft' });
    expect(actions.map((action) => action.action)).toContain('publish');
  });

  it('gives the Sanity CLI the lake on its default port', async () => {
    const { default: cliConfig } = await loadInMode('local');
    expect((cliConfig as WorkspaceOptions).apiHost).toBe('http://localhost:4343');
  });

  it('renders the Studio without Sanity’s hosted bridge script, which cannot load offline', async () => {
    const { StudioPage } = await loadInMode('local');
    expect(renderToStaticMarkup(StudioPage())).not.toContain('core.sanity-cdn.com');
  });
});

describe('the Studio with a Sanity project', () => {
  it('talks to Sanity as before, whatever lake URL it is handed', async () => {
    const { createStudioConfig, config } = await loadInMode('project');
    const { summary, client, workspace } = await resolve(createStudioConfig({ lakeUrl: LAKE }));
    expect(summary.projectId).toBe('abc123');
    expect(summary.apiHost).toBeUndefined();
    expect(client.getUrl('/data/query/production')).toBe('https://abc123.api.sanity.io/v2025-02-19/data/query/production');
    expect(workspace.search.strategy).toBe('groq2024');
    expect(summary.releases).toMatchObject({ enabled: true });
    expect(workspace.apps).toEqual({ canvas: { enabled: true } });
    expect(workspace.announcements).toEqual({ enabled: true });
    expect(workspace.document.comments.enabled({ documentType: 'article' })).toBe(true);
    expect(Object.keys(config)).not.toContain('apiHost');
  });

  it('renders NextStudio with Sanity’s bridge script', async () => {
    const { StudioPage } = await loadInMode('project');
    expect(renderToStaticMarkup(StudioPage())).toContain('https://core.sanity-cdn.com/bridge.js');
  });
});

describe('the lake’s address', () => {
  it('is localhost on CONTENT_LAKE_PORT, 4343 unless set', () => {
    expect(contentLakeUrl(parseEnv({}))).toBe('http://localhost:4343');
    expect(contentLakeUrl(parseEnv({ CONTENT_LAKE_PORT: ' 5050 ' }))).toBe('http://localhost:5050');
    expect(contentLakeUrl(parseEnv({ CONTENT_LAKE_PORT: '' }))).toBe('http://localhost:4343');
  });

  it('refuses a port that is not one, naming the variable', () => {
    for (const value of ['0', '65536', 'http://localhost:4343', '43a3', '-1']) {
      expect(() => parseEnv({ CONTENT_LAKE_PORT: value }), value).toThrow(/CONTENT_LAKE_PORT: must be a port number/);
    }
  });
});
