import { Option, type Command } from 'commander';
import type { ItemDetail } from '../../shared/contract';
import type { DescriptionView, ItemDescriptions } from '../../shared/contract/descriptions';
import type { describeJson } from '../../shared/descriptions';
import { LANGUAGES, type Language } from '../../shared/domain/status';
import { AppError } from '../../shared/errors';
import { invoke } from './load';
import type { Workspace } from '../services/workspace';
import type { CliIo } from './index';
import { type CommonOptions, openWorkspace, withWorkspaceOptions } from './common';
import { DESCRIBE_TEXTS } from './texts/describe';
import { wordsIn, type Words } from './texts';

/**
 * `rebound describe ITEM`: the listing title, eBay condition and descriptions of one item in one
 * language, as they would be listed (a kept staff edit, else the draft from the facts). Exit
 * codes as for every command: 0 done, 1 failed (unknown item, defective item), 2 bad usage.
 */

interface DescribeOptions extends CommonOptions {
  lang?: Language;
}

/** An item by its Rebound reference (RB-000123) or its numeric id. */
async function itemOf(ws: Workspace, ref: string): Promise<ItemDetail> {
  if (/^\d+$/.test(ref)) return await invoke(ws, 'items.get', { id: Number(ref) });
  return await invoke(ws, 'items.getByReference', { reference: ref });
}

/**
 * `describeJson`'s shape (the same fields, typed from it so the two cannot drift), built from the
 * view rather than a draft: a kept staff edit is what gets listed, and it is not a draft.
 */
export function describeView(view: DescriptionView): ReturnType<typeof describeJson> {
  return {
    title: view.title,
    conditionEnum: view.conditionEnum,
    conditionId: view.conditionId,
    conditionDescription: view.conditionDescription,
    html: view.html,
  };
}

/** The HTML as a reader would see it in a terminal: one line per block, tags gone, entities read. */
function htmlAsText(html: string): string {
  return html
    .replace(/<li>/g, '  • ')
    .replace(/<br>/g, '\n')
    .replace(/<\/(p|h2|h3|li|ul)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

function describeText(
  t: Words<keyof typeof DESCRIBE_TEXTS & string>,
  result: ItemDescriptions,
  view: DescriptionView,
): string {
  const state = view.kept
    ? `${t('kept', { name: view.editedBy ?? t('someone') })}${view.stale ? t('stale') : ''}`
    : t('generated');
  const lines = [
    `${result.reference} · ${view.language} · ${state}`,
    t('title', { length: [...view.title].length, limit: result.limits.title, title: view.title }),
    t('condition', { condition: view.conditionEnum, id: view.conditionId }),
    t('conditionDescription', {
      length: [...view.conditionDescription].length,
      limit: result.limits.conditionDescription,
    }),
    view.conditionDescription === '' ? `  ${t('noConditionDescription')}` : `  ${view.conditionDescription}`,
    '',
    t('htmlDescription'),
    htmlAsText(view.html),
  ];
  return `${lines.join('\n')}\n`;
}

export function registerDescribeCommands(program: Command, io: CliIo): void {
  // The messages' language is read from the same --lang (cli/language.ts), else LANG.
  const t = wordsIn(DESCRIBE_TEXTS, io.language);
  withWorkspaceOptions(
    program
      .command('describe')
      .addOption(new Option('--lang <language>', t('lang.option')).choices(LANGUAGES)),
  )
    .description(t('description'))
    .argument('<item>', t('item.argument'))
    .option('--json', t('json.option'))
    .action(async (ref: string, options: DescribeOptions) => {
      const ws = await openWorkspace(options);
      try {
        const item = await itemOf(ws, ref);
        const result = await invoke(ws, 'descriptions.get', {
          itemId: item.id,
          ...(options.lang ? { lang: options.lang } : {}),
        });
        if (result.refusal) throw new AppError('conflict', result.refusal.message);
        const lang = options.lang ?? result.merchantLanguage;
        const view = result.descriptions.find((d) => d.language === lang);
        if (!view) {
          // With --json an error stays in English, whatever the language (cli/language.ts).
          const e = options.json ? wordsIn(DESCRIBE_TEXTS, 'en') : t;
          throw new AppError('internal', e('noDescription', { language: lang, reference: item.reference }));
        }
        io.out(
          options.json ? `${JSON.stringify(describeView(view), null, 2)}\n` : describeText(t, result, view),
        );
      } finally {
        await ws.close();
      }
    });
}
