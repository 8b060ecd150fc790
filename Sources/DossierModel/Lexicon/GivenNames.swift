/// Common given names across languages (a general lexicon, not a list of particular people):
/// a capitalised pair that starts with one is likely a person. Also gives gender for pronouns.
enum GivenNames {
    static let male: WordSet = WordList.set("""
    james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony
    mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
    jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
    frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle
    walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence
    jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy
    eugene vincent russell elijah louis bobby philip johnny mike bill tom jim bob joe dan steve tony chris
    nick ben sam alex rick ted barack hillary bernie emmanuel francois jean pierre jacques louis michel
    nicolas olivier philippe antoine julien hans klaus jurgen wolfgang friedrich heinrich karl olaf angela
    giuseppe giovanni marco luca matteo antonio francesco carlos luis miguel javier pedro pablo diego
    manuel fernando rafael jorge alejandro ricardo sergio vladimir dmitry sergei sergey alexei alexey ivan
    nikolai mikhail boris igor yuri oleg andrei viktor volodymyr petro
    hiroshi takeshi yoshihide fumio naruhito akira kenji narendra rahul amit raj sanjay vijay arjun
    mohammad mohammed muhammad mohamed ahmad ahmed ali hassan hussein hossein husayn mahmoud mustafa
    mostafa omar umar khalid khaled abdullah abdallah ibrahim yusuf youssef yousef reza mehdi hamid karim
    saeed said sami salman faisal fahad tariq hamza bashar recep tayyip benjamin yair naftali ehud ariel
    moshe david yitzhak shimon avi
    """)

    static let female: WordSet = WordList.set("""
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
    sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
    sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine
    christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria
    olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances
    gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise amber
    marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis
    kayla hillary nancy kamala ursula theresa marine christine sophie claire isabelle nathalie monique
    giorgia sanna jacinda mette greta svetlana olga tatiana natalia elena irina yulia marina fatima zahra
    maryam leila layla aisha ayesha noor nour sara huda yasmin amina mariam golda tzipi ayelet indira sonia
    priya aung suu yuriko sofia ana ines lucia camila valentina ingrid astrid freya
    """)

    static func isGiven(_ lower: String) -> Bool { male.contains(lower) || female.contains(lower) }
}
