/// Honorifics, titles and role words: the cues that put a name on a person and give a role.
enum Titles {
    /// Honorifics: the next capitalised word is a name (`Mr. Roe`, `Sheikh Ali Hamad`).
    /// `Mr`/`Mrs`/`Ms` also give gender.
    static let honorifics: WordSet = WordList.set("""
    mr mr. mrs mrs. ms ms. miss mx mx. dr dr. prof prof. sir dame lord lady rev rev. reverend hon hon.
    ayatollah hojatoleslam hojjatoleslam sheikh shaikh sheik imam seyed sayyid sayed haj hajj mullah mufti
    rabbi pastor father sister cardinal bishop archbishop pope emir sultan king queen prince princess
    sen sen. rep rep. gov gov. gen gen. lt lt. col col. capt capt. sgt sgt. maj maj. brig brig. adm adm.
    cpl cpl. pvt pvt. cmdr cmdr. supt supt. insp insp. det det. st. judge justice senator congressman
    congresswoman governor mayor general colonel major lieutenant captain sergeant admiral marshal
    commander president vice-president premier chancellor ambassador minister secretary speaker chairman
    chairwoman chair director professor coach dictator leader spokesman spokeswoman spokesperson deputy
    chief envoy councillor councilman councilwoman superintendent commissioner inspector detective
    """)

    /// Courtesy and religious honorifics: part of how a name is written, not a role.
    static let courtesy: WordSet = WordList.set("""
    mr mr. mrs mrs. ms ms. miss mx mx. dr dr. prof prof. sir dame lord lady rev rev. reverend hon hon. ayatollah
    hojatoleslam hojjatoleslam sheikh shaikh sheik seyed sayyid sayed haj hajj
    """)

    /// Multi-word titles written before a name (`Secretary of State Jane Roe`).
    /// `phrases` by their first word: a title is looked for at every word of a name chunk.
    /// The title phrases by their last word (`chief executive` under `executive`).
    static let phrasesByLastWord: [String: [[String]]] = Dictionary(grouping: phrases.filter { !$0.isEmpty }, by: { $0[$0.count - 1] })
    static let phrasesByFirstWord: [String: [[String]]] = Dictionary(grouping: phrases.filter { !$0.isEmpty }, by: { $0[0] })

    static let phrases: [[String]] = WordList.phrases("""
    supreme leader|prime minister|deputy prime minister|vice president|foreign minister|defense minister|
    defence minister|interior minister|finance minister|economy minister|oil minister|health minister|
    justice minister|intelligence minister|culture minister|education minister|trade minister|
    secretary of state|secretary of defense|secretary of defence|secretary of the treasury|treasury secretary|
    secretary general|secretary-general|attorney general|national security adviser|national security advisor|
    chief of staff|chief executive|chief executive officer|chief justice|first lady|crown prince|grand ayatollah|
    deputy speaker|first deputy|deputy minister|deputy foreign minister|head coach|team captain|
    maj. gen.|lt. gen.|brig. gen.|major general|lieutenant general|brigadier general|rear admiral|vice admiral|
    house speaker|senate majority leader|minority leader|majority leader|state senator|u.s. senator|
    chairman of the joint chiefs of staff|press secretary|managing director|general manager|executive director|
    editor in chief|editor-in-chief|foreign secretary|home secretary|defence secretary|defense secretary
    """)

    /// Lowercase role heads (`spokesman`, `dictator`): before a name they mark a person, and an
    /// appositive holding one gives the person's role.
    static let roleWords: WordSet = WordList.set("""
    president president-elect minister leader spokesman spokeswoman spokesperson chairman chairwoman chair
    director secretary adviser advisor ambassador commander general chief deputy speaker official analyst
    professor lawmaker senator governor mayor judge envoy diplomat dictator king queen prince princess emperor
    pope cleric mullah ayatollah imam pundit expert researcher scientist economist member head founder
    co-founder cofounder ceo executive officer editor reporter correspondent journalist columnist writer author
    activist candidate lawyer attorney prosecutor coach player captain manager striker midfielder defender
    goalkeeper chancellor premier representative legislator congressman congresswoman councillor councilman
    councilwoman commissioner administrator nominee aide strategist consultant negotiator mediator counsel
    investor owner treasurer trustee dean doctor physician surgeon nurse teacher host actor actress singer
    artist historian scholar fellow lecturer inspector sergeant colonel major lieutenant admiral marshal
    sheriff detective president's vice-president undersecretary consul attaché politician statesman
    commentator blogger presenter anchor producer chairperson boss mp mep rapporteur regulator banker
    entrepreneur businessman businesswoman billionaire magnate tycoon strongman ruler monarch sheikh emir
    sultan prelate bishop astrophysicist astronomer epidemiologist virologist meteorologist forward
    winger fullback quarterback pitcher batsman bowler jockey cyclist sprinter runner swimmer boxer
    referee umpire substitute keeper skipper principal challenger incumbent passenger commuter motorist
    voter student worker farmer driver pilot neighbour neighbor shopkeeper vendor customer tourist visitor
    patient victim chef veteran survivor witness resident protester volunteer cardinal rabbi priest pastor archbishop theologian jurist justice magistrate
    spokesmen officials economist physicist chemist biologist astronomer engineer architect designer
    novelist poet playwright director-general secretary-general chief-of-staff
    """)

    /// Words that make a chunk an organisation (`News Agency`, `Foreign Ministry`).
    static let organizationHeads: WordSet = WordList.set("""
    stadium arena airport hotel telescope mission agency ministry corps group council committee commission assembly party organization organisation
    institute institution university college school bank company corporation corp corp. inc inc. ltd ltd.
    llc plc association union court parliament congress senate department office foundation fund network
    times post journal news daily herald tribune gazette telegraph guardian review monitor press service
    services authority administration army navy force forces guard guards police bureau center centre
    society federation league club coalition alliance front movement brigade brigades militia board
    cabinet government embassy consulate mission academy hospital clinic laboratory lab observatory
    foundation trust exchange reserve broadcasting radio television tv channel magazine website site
    motors automotive airlines airways railways holdings industries technologies systems partners
    pharmaceuticals therapeutics biotech electronics semiconductor semiconductors telecom
    telecommunications communications logistics petroleum mining insurance securities investments
    ventures enterprises brands foods farms mills studios pictures publishing entertainment house
    """)

    /// Organisations named `Ministry of …`, `Department of …`.
    static let organizationLeads: WordSet = WordList.set("""
    ministry department office bureau university bank council court house board commission committee
    institute school college academy federation league organization organisation union
    """)

    /// Surname particles, lowercase inside a name (`Osama bin Laden`, `Ursula von der Leyen`).
    static let particles: WordSet = WordList.set("al al- el bin ibn abu abd de da di du del della der den van von la le ter dos das")
}

/// Speech and reporting verbs, by strength.
enum SpeechVerbs {
    /// Verbs that attribute a quote or reported speech.
    static let strong: WordSet = WordList.set("""
    said say says saying told tells tell added adds adding noted notes stated states asked asks wrote writes
    explained explains warned warns insisted insists argued argues claimed claims declared declares
    announced announces replied replies responded responds concluded concludes continued continues recalled
    recalls acknowledged acknowledges admitted admits urged urges called calls revealed reveals disclosed
    stressed stresses emphasized emphasised emphasizes emphasises suggested suggests tweeted tweets posted
    posts reported reports commented comments remarked remarks observed observes pointed points maintained
    maintains confirmed confirms denied denies predicted predicts vowed vows pledged pledges promised promises
    boasted boasts complained complains conceded concedes countered counters cautioned cautions threatened
    threatens declined echoed echoes agreed agrees accused accuses charged charges alleged alleges
    questioned questions demanded demands proclaimed proclaims quipped quips joked jokes mused muses
    testified testifies whispered shouted yelled screamed exclaimed sighed laughed
    """)

    /// Cognition verbs: weak cues, a person's only with a that-clause or a named subject.
    static let cognition: WordSet = WordList.set("""
    thought thinks think believed believes believe hoped hopes hope feared fears fear regarded regards
    considered considers wanted wants decided decides expected expects knew knows felt feels worried
    worries welcomed welcomes rejected rejects opposed opposes expressed expresses refused refuses met meets
    invited invites visited visits blamed blames criticized criticised criticizes praised praises
    signed signs ordered orders made sought tried
    """)

    /// Adverbs allowed between a name and its verb (`Roe then jokingly said`).
    static let adverbs: WordSet = WordList.set("""
    also then later earlier personally jokingly angrily firmly publicly privately repeatedly again once
    recently reportedly quickly immediately further however finally separately had has have has also
    """)
}
