import { createSchema } from 'sanity';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, schemaTypes } from '../../sanity/schema-types/index.ts';

/** Compiles the Studio's schema the way the Studio does, failing on any schema error. */
function compile() {
  return createSchema({ name: 'test', types: schemaTypes });
}

type Field = { name: string; type: { name: string; jsonType: string; of?: Array<{ name: string; to?: Array<{ name: string }> }>; fields?: Field[] } };

function fieldsOf(typeName: string): Map<string, Field['type']> {
  const type = compile().get(typeName) as { fields?: Field[] } | undefined;
  if (!type?.fields) throw new Error(`no fields on ${typeName}`);
  return new Map(type.fields.map((field) => [field.name, field.type]));
}

describe('Sanity schema', () => {
  it('compiles without errors or warnings', () => {
    const schema = compile();
    const problems = (schema._validation ?? []).flatMap((group) =>
      group.problems.filter((problem) => problem.severity === 'error' || problem.severity === 'warning'),
    );
    expect(problems).toEqual([]);
    for (const name of DOCUMENT_TYPES) expect(schema.get(name)?.name).toBe(name);
  });

  it('article has every field of the content model with the right type', () => {
    const fields = fieldsOf('article');
    const expected: Record<string, [string, string]> = {
      title: ['string', 'string'],
      slug: ['slug', 'object'],
      previousSlugs: ['array', 'array'],
      language: ['string', 'string'],
      standfirst: ['text', 'string'],
      publishedAt: ['datetime', 'string'],
      updatedAt: ['datetime', 'string'],
      body: ['blockContent', 'array'],
      mainImage: ['image', 'object'],
      tags: ['array', 'array'],
      sources: ['array', 'array'],
      authors: ['array', 'array'],
      corrections: ['array', 'array'],
      featured: ['boolean', 'boolean'],
    };
    for (const [name, [typeName, jsonType]] of Object.entries(expected)) {
      const type = fields.get(name);
      expect(type, name).toBeDefined();
      expect([type?.name, type?.jsonType], name).toEqual([typeName, jsonType]);
    }
    const refTargets = (name: string) => fields.get(name)?.of?.flatMap((member) => member.to?.map((to) => to.name) ?? []);
    expect(refTargets('tags')).toEqual(['tag']);
    expect(refTargets('sources')).toEqual(['source']);
    expect(refTargets('authors')).toEqual(['author']);
    expect(fields.get('previousSlugs')?.of?.map((member) => member.name)).toEqual(['string']);
    expect(fields.get('corrections')?.of?.map((member) => member.name)).toEqual(['correction']);
    expect(fields.get('mainImage')?.fields?.map((field) => field.name)).toEqual(
      expect.arrayContaining(['asset', 'hotspot', 'crop', 'alt', 'caption', 'credit']),
    );
  });

  it('correction is {date, text}', () => {
    const fields = fieldsOf('correction');
    expect(fields.get('date')?.name).toBe('datetime');
    expect(fields.get('text')?.jsonType).toBe('string');
  });

  it('the Portable Text body offers exactly the styles, lists, marks and image block of the model', () => {
    const body = compile().get('blockContent') as {
      of: Array<{
        name: string;
        fields?: Field[];
        options?: { hotspot?: boolean };
      }>;
    };
    expect(body.of.map((member) => member.name)).toEqual(['block', 'image']);
    const block = body.of[0] as unknown as {
      fields: Array<{ name: string; type: { options?: { list?: Array<{ value: string }> }; of?: Array<{ name: string; fields?: Field[] }> } }>;
    };
    const blockField = (name: string) => block.fields.find((field) => field.name === name)?.type;
    expect(blockField('style')?.options?.list?.map((item) => item.value)).toEqual(['normal', 'h2', 'h3', 'blockquote']);
    expect(blockField('listItem')?.options?.list?.map((item) => item.value)).toEqual(['bullet', 'number']);
    const markDefs = blockField('markDefs')?.of ?? [];
    expect(markDefs.map((def) => def.name)).toEqual(['link']);
    expect(markDefs[0]?.fields?.map((field) => field.name)).toEqual(['href']);
    const span = (block as unknown as { fields: Array<{ name: string; type: { of?: Array<{ name: string; decorators?: Array<{ value: string }> }> } }> }).fields
      .find((field) => field.name === 'children')
      ?.type.of?.find((member) => member.name === 'span');
    const decorators = span?.decorators?.map((decorator) => decorator.value);
    expect(decorators).toEqual(['strong', 'em']);
    const image = body.of[1];
    expect(image?.options?.hotspot).toBe(true);
    expect(image?.fields?.map((field) => field.name)).toEqual(expect.arrayContaining(['alt', 'caption', 'credit']));
  });

  it('tag, source and author have their fields', () => {
    const tag = fieldsOf('tag');
    expect([tag.get('title')?.name, tag.get('slug')?.name, tag.get('description')?.jsonType]).toEqual(['string', 'slug', 'string']);
    const source = fieldsOf('source');
    expect(source.get('name')?.name).toBe('string');
    expect(source.get('slug')?.name).toBe('slug');
    expect(source.get('url')?.name).toBe('url');
    expect(source.get('description')?.jsonType).toBe('string');
    expect(source.get('kind')?.name).toBe('string');
    expect(source.get('stateAffiliated')?.name).toBe('boolean');
    const author = fieldsOf('author');
    expect([author.get('name')?.name, author.get('slug')?.name, author.get('role')?.name, author.get('bio')?.jsonType]).toEqual([
      'string',
      'slug',
      'string',
      'string',
    ]);
  });

  it('slugs are generated from the title or name, at most 96 characters', () => {
    const slugOptions = (type: string) =>
      (compile().get(type) as { fields: Array<{ name: string; type: { options?: { source?: string; maxLength?: number } } }> }).fields.find(
        (f) => f.name === 'slug',
      )?.type.options;
    expect(slugOptions('article')).toMatchObject({ source: 'title', maxLength: 96 });
    expect(slugOptions('tag')).toMatchObject({ source: 'title', maxLength: 96 });
    expect(slugOptions('source')).toMatchObject({ source: 'name', maxLength: 96 });
    expect(slugOptions('author')).toMatchObject({ source: 'name', maxLength: 96 });
  });
});
