import DossierModel

/// A search of the article list: the needle, the filter tests chosen for it, and the articles'
/// headings, taken once for every article tried.
struct ArticleSearch: Sendable {
    let corpus: Corpus
    let needle: TextSearch.Needle
    let filters: TextFilterTable?
    let checks: FilterChecks?
    let headings: ArticleHeadings

    /// Whether article `i` matches: `BrowserModel.articleMatches`, read from the headings.
    func matches(_ i: Int) -> Bool {
        if let filters, let checks, !filters.mayContain(i, checks) { return false }
        return headings.contains(i, needle) || corpus.textHolds(i, needle)
    }
}

extension BrowserModel {
    /// A search of the article list for `needle`: what every article is tried with, made once.
    func articleSearch(_ needle: TextSearch.Needle) -> ArticleSearch {
        ArticleSearch(corpus: corpus, needle: needle, filters: articleFilters,
                      checks: articleFilters.map { FilterChecks(needle, table: $0) }, headings: articleHeadings())
    }
}
