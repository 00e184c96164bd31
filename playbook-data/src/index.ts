export { getTemplate, listTemplates, loadTemplates, templatesDir } from './templateCatalog.ts'
export type { TemplateSummary } from './templateCatalog.ts'
export { TemplateValidationError, validateTemplate } from './validateTemplate.ts'
