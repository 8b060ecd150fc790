/// General geography: names that are capitalised but name no person. Countries, demonyms,
/// capitals and large cities, regions, continents, compass and political areas.
enum Places {
    static let words: WordSet = WordList.set("""
    afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
    bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina
    burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia czech
    denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia
    georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia
    iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan
    laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia
    maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco
    mozambique myanmar burma namibia nauru nepal netherlands holland nicaragua niger nigeria norway oman pakistan
    palau palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa
    senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria
    taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey turkmenistan tuvalu uganda ukraine
    uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe scotland wales england britain
    america usa us u.s. u.s uk u.k. u.k uae u.a.e. ussr eu u.n. un
    afghan albanian algerian american angolan argentine argentinian armenian australian austrian azerbaijani
    bahraini bangladeshi belarusian belgian bolivian bosnian brazilian british bulgarian burmese cambodian
    cameroonian canadian chadian chilean chinese colombian congolese croatian cuban cypriot czech danish dutch
    ecuadorian egyptian emirati english eritrean estonian ethiopian european filipino finnish french georgian
    german ghanaian greek guatemalan haitian honduran hungarian icelandic indian indonesian iranian iraqi irish
    israeli italian jamaican japanese jordanian kazakh kenyan korean kosovar kuwaiti kurdish kurd kyrgyz lao
    latvian lebanese liberian libyan lithuanian malagasy malaysian maldivian malian maltese mauritanian mexican
    moldovan mongolian montenegrin moroccan mozambican namibian nepalese nepali nicaraguan nigerian nigerien
    norwegian omani pakistani palestinian panamanian paraguayan persian peruvian polish portuguese qatari
    romanian russian rwandan saudi scottish senegalese serbian singaporean slovak slovenian somali spanish
    sudanese swedish swiss syrian taiwanese tajik tanzanian thai tunisian turkish turkmen ugandan ukrainian
    uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean arab arabian african asian
    western eastern northern southern middle-eastern soviet islamic muslim christian jewish sunni shiite shia
    americans iranians iraqis israelis europeans arabs russians chinese palestinians syrians saudis afghans
    kurds turks germans britons french japanese koreans indians pakistanis africans asians westerners
    kabul tirana algiers luanda yerevan canberra vienna baku manama dhaka minsk brussels sofia phnom ottawa
    santiago beijing bogota havana nicosia prague copenhagen cairo tallinn addis helsinki paris tbilisi berlin
    accra athens budapest reykjavik delhi jakarta tehran baghdad dublin jerusalem rome tokyo amman astana
    nairobi pristina beirut tripoli vilnius luxembourg kuala lumpur valletta nouakchott mexico chisinau
    ulaanbaatar podgorica rabat maputo naypyidaw windhoek kathmandu amsterdam hague wellington managua abuja
    pyongyang oslo muscat islamabad ramallah gaza lima manila warsaw lisbon doha bucharest moscow kigali riyadh
    dakar belgrade ljubljana mogadishu pretoria seoul madrid khartoum stockholm bern damascus taipei dushanbe
    dodoma bangkok tunis ankara ashgabat kampala kyiv kiev abu dhabi london washington montevideo tashkent
    caracas hanoi sanaa lusaka harare new york los angeles chicago houston boston miami seattle atlanta dallas
    detroit philadelphia phoenix denver austin francisco sydney melbourne toronto montreal vancouver shanghai
    hong kong mumbai karachi lahore istanbul dubai jeddah mecca medina basra mosul aleppo isfahan mashhad
    tabriz shiraz qom geneva zurich frankfurt munich hamburg milan naples barcelona marseille lyon manchester
    liverpool birmingham glasgow edinburgh brooklyn manhattan biarritz davos sochi st. petersburg osaka
    europe asia africa antarctica oceania arctic atlantic pacific mediterranean caribbean caucasus balkans
    scandinavia levant gulf persian sahara sinai crimea donbas kashmir tibet xinjiang hormuz suez bosphorus
    west east north south midwest
    """)

    /// Short forms that are places only when written as an acronym (`US`, `U.N.`), not inside a
    /// name (`Lee Jun Un`).
    static let acronymOnly: WordSet = ["us", "un", "uk", "eu", "usa", "uae"]

    static func isPlace(_ token: Token) -> Bool {
        let lower = token.lower
        if acronymOnly.contains(lower) { return token.isAllCaps }
        return words.contains(lower)
    }

    /// Multi-word place names, matched as a whole chunk.
    static let phrases: Set<String> = Set(WordList.phrases("""
    middle east|far east|near east|north korea|south korea|north africa|south africa|saudi arabia|united states|
    united kingdom|united arab emirates|new zealand|sri lanka|costa rica|el salvador|ivory coast|east timor|
    west bank|gaza strip|golan heights|persian gulf|red sea|black sea|south china sea|strait of hormuz|
    latin america|south america|north america|central america|southeast asia|central asia|east asia|
    new york|los angeles|san francisco|hong kong|kuala lumpur|abu dhabi|addis ababa|tel aviv|buenos aires|
    rio de janeiro|sao paulo|new delhi|cape town|washington d.c.|city hall|white house|capitol hill|
    wall street|silicon valley|downing street|the west|european union
    """).map { $0.joined(separator: " ") })
}
