/// Capitalised words that start sentences but are no names: determiners, pronouns, adverbs,
/// prepositions, conjunctions, numbers; and months and weekdays.
enum CommonWords {
    static let functionWords: WordSet = WordList.set("""
    the a an this that these those however but and or nor so yet for in on at from with without by as if
    when while after before since despite although though because even nevertheless meanwhile moreover
    furthermore therefore thus it he she they we i you his her their our its my your there here what why how
    who whom whose where which some many most all any no not one two three four five six seven eight nine ten
    such similar also then now today tomorrow yesterday last next each every both either neither only just
    still already under over between among amid during through against about to of into onto upon like
    unlike per via instead indeed perhaps maybe later earlier once other another more less few several much
    according asked speaking referring citing following given unless until whether whatever whoever yes
    dear hello thanks thank please first second third finally also although overall accordingly
    consequently similarly likewise besides otherwise hence still anyway anyhow indeed rather namely
    regarding concerning considering including excluding beyond within across around along behind below
    above near inside outside toward towards throughout whereas wherever whenever be is are was were been
    being do does did done have has had having can could shall should will would may might must ought
    """)

    static let monthsAndDays: WordSet = WordList.set("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
    monday tuesday wednesday thursday friday saturday sunday
    """)

    /// Capitalised common nouns of news text that are never a person's name.
    static let nonNames: WordSet = WordList.set("""
    god allah islam christianity judaism internet twitter facebook instagram youtube tiktok whatsapp telegram
    google apple amazon microsoft covid covid-19 coronavirus brexit olympics olympic world cup
    parliament congress senate government regime state administration republic kingdom empire army navy
    deal agreement treaty accord summit conference war revolution constitution budget act bill law
    north south east west central new old great grand national international federal royal supreme
    democrat democrats republican republicans conservative conservatives labour liberal liberals socialist
    communist green greens tory tories
    """)
}
