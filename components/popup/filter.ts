// The popup's filters live with the comparison, which ranks by the same filters.
export * from '../../lib/compare/filter';
