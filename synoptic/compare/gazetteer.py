"""Names of countries, world regions, US states and world capitals, and common given names, for typing a name the
text gives no cue for, and the other names of bodies and countries that news uses side by side.

The entity finder types names by the words around them ("in X", "said X"). A country is often named
where no such cue stands ("Britain would help", "talks with Iran"), or after "said", which marks a
speaker; news names the same two hundred countries over and over, so a list settles them. Names that
are also common given names ("Jordan", "Chad") are left out: the context decides those.
"""

from __future__ import annotations


def _names(text: str) -> frozenset[str]:
    return frozenset(name.strip() for name in text.split(",") if name.strip())


COUNTRIES = _names(
    """
    afghanistan, albania, algeria, andorra, angola, argentina, armenia, australia, austria, azerbaijan,
    bahamas, bahrain, bangladesh, barbados, belarus, belgium, belize, benin, bhutan, bolivia, bosnia,
    botswana, brazil, britain, great britain, brunei, bulgaria, burkina faso, burma, burundi, cambodia,
    cameroon, canada, cape verde, chile, china, colombia, comoros, congo, costa rica, croatia, cuba, cyprus,
    czech republic, czechia, denmark, djibouti, dominican republic, east timor, ecuador, egypt,
    el salvador, england, eritrea, estonia, eswatini, ethiopia, fiji, finland, france, gabon, gambia,
    georgia, germany, ghana, greece, grenada, guatemala, guinea, guinea-bissau, guyana, haiti, holland,
    honduras, hong kong, hungary, iceland, india, indonesia, iran, iraq, ireland, israel, italy,
    ivory coast, jamaica, japan, kazakhstan, kenya, kiribati, korea, kosovo, kuwait, kyrgyzstan, laos,
    latvia, lebanon, lesotho, liberia, libya, liechtenstein, lithuania, luxembourg, macao, macau,
    madagascar, malawi, malaysia, maldives, mali, malta, mauritania, mauritius, mexico, moldova, monaco,
    mongolia, montenegro, morocco, mozambique, myanmar, namibia, nepal, netherlands, new zealand,
    nicaragua, niger, nigeria, north korea, north macedonia, northern ireland, norway, oman, pakistan,
    palestine, panama, papua new guinea, paraguay, peru, philippines, poland, portugal, qatar, romania,
    russia, rwanda, samoa, saudi arabia, scotland, senegal, serbia, sierra leone, singapore, slovakia,
    slovenia, somalia, south africa, south korea, south sudan, spain, sri lanka, sudan, suriname,
    swaziland, sweden, switzerland, syria, taiwan, tajikistan, tanzania, thailand, tibet, togo, tonga,
    tunisia, turkey, turkmenistan, uganda, ukraine, united kingdom, united states, uruguay, uzbekistan,
    vanuatu, venezuela, vietnam, wales, yemen, yugoslavia, zambia, zimbabwe
    """
)
REGIONS = _names(
    """
    africa, america, latin america, north america, south america, central america, antarctica, arctic,
    asia, southeast asia, central asia, east asia, south asia, europe, eastern europe, western europe,
    middle east, caribbean, balkans, gulf, persian gulf, pacific, atlantic, mediterranean, scandinavia,
    sahara, oceania, west bank, gaza, gaza strip, golan heights, kashmir, darfur, crimea, chechnya, kurdistan,
    siberia, patagonia, mideast
    """
)
# Territories and dependencies that news names like countries ("flooding in Puerto Rico", "Greenland's ice").
TERRITORIES = _names(
    """
    puerto rico, guam, greenland, bermuda, gibraltar, cayman islands, faroe islands, new caledonia,
    french polynesia, american samoa, northern mariana islands, us virgin islands, british virgin islands
    """
)
# The states of the United States, which wire copy names as often as countries ("Washington" is also a
# city and a surname: the context decides it).
STATES = _names(
    """
    alabama, alaska, arizona, arkansas, california, colorado, connecticut, delaware, florida, hawaii, idaho,
    illinois, indiana, iowa, kansas, kentucky, louisiana, maine, maryland, massachusetts, michigan,
    minnesota, mississippi, missouri, montana, nebraska, nevada, new hampshire, new jersey, new mexico,
    new york, north carolina, north dakota, ohio, oklahoma, oregon, pennsylvania, rhode island,
    south carolina, south dakota, tennessee, texas, utah, vermont, virginia, west virginia, wisconsin,
    wyoming
    """
)
# The abbreviations wire copy writes after a town ("Vero Beach, Fla."), without their full stop; those
# that are also words or names ("Ind", "Miss", "Wash", "Mo") are left out.
STATE_ABBREVIATIONS = _names("ala, ariz, ark, calif, colo, conn, fla, ga, kan, ky, md, mich, minn, mont, neb, nev, okla, tenn, tex, va, vt, wis, wyo")
# Capitals and the largest cities that world news names without "in": "Tehran said", "talks with Beijing".
CITIES = _names(
    """
    abu dhabi, abuja, accra, addis ababa, algiers, amman, amsterdam, ankara, athens, baghdad, bangkok, beijing,
    beirut, belgrade, berlin, bogota, brasilia, brussels, bucharest, budapest, buenos aires, cairo, canberra,
    caracas, colombo, copenhagen, damascus, dhaka, doha, dubai, dublin, geneva, hanoi, havana, helsinki,
    islamabad, istanbul, jakarta, jerusalem, johannesburg, kabul, karachi, khartoum, kiev, kyiv, kinshasa,
    kuala lumpur, lagos, lima, lisbon, london, los angeles, madrid, managua, manila, mecca, mexico city,
    minsk, mogadishu, moscow, mumbai, nairobi, new delhi, new york, oslo, ottawa, paris, prague, pretoria,
    pyongyang, quito, rabat, riyadh, rome, santiago, sao paulo, seoul, shanghai, singapore, sofia,
    stockholm, sydney, taipei, tehran, tel aviv, tokyo, toronto, tripoli, tunis, vienna, vilnius, warsaw,
    washington d.c., wellington, yangon, zagreb,
    aleppo, atlanta, baltimore, barcelona, basra, benghazi, boston, casablanca, chicago, dallas, denver, detroit,
    edinburgh, fallujah, frankfurt, glasgow, hamburg, honolulu, houston, jeddah, kandahar, lahore, las vegas,
    liverpool, milan, miami, milwaukee, minneapolis, montreal, mosul, munich, nashville, new orleans, osaka,
    philadelphia, pittsburgh, rio de janeiro, san antonio, san diego, san francisco, seattle, st. louis, tampa,
    vancouver
    """
)
# Bodies that news names by a bare word with no head ("Reuters reported", "talks with Hamas"): agencies, platforms,
# firms and groups; those that are also common words or people ("Apple", "Amazon", "Bloomberg") are left out.
ORGANISATIONS = _names(
    """
    reuters, xinhua, yonhap, kyodo, tass, al-jazeera, al jazeera, axios, politico, breitbart, infowars, marketwatch,
    buzzfeed, wikileaks, twitter, facebook, instagram, youtube, whatsapp, tiktok, google, microsoft, netflix, walmart,
    pfizer, moderna, boeing, airbus, toyota, exxon, exxonmobil, greenpeace, oxfam, unicef, interpol, europol, taliban,
    hamas, hezbollah, al-qaeda, al qaeda, fatah
    """
)
PLACES = COUNTRIES | TERRITORIES | REGIONS | STATES | STATE_ABBREVIATIONS | CITIES

# Names of one body or country that share no spelling or initials, so no variant test can join them:
# reports of one story say "Islamic State" and "ISIS", "Britain" and "the UK" side by side. Written as
# the entity finder keys a form (lower case, full stops left out: "U.K." is "uk").
ALIASES = tuple(
    _names(group)
    for group in (
        "islamic state, isis, isil, is, daesh, islamic state of iraq and syria, islamic state of iraq and the levant",
        "united states, us, usa, united states of america",
        "britain, great britain, united kingdom, uk",
        "united nations, un",
        "european union, eu",
        "soviet union, ussr",
        "myanmar, burma",
        "kyiv, kiev",
    )
)

# Given names common in English-language news, for typing a full name no word around it types ("Maria Ostrova
# visited…" in a one-article cluster is a person's name). Names that are also places, months, words or
# bodies' first words ("Austin", "Jordan", "June", "Hope", "Sierra", "Orlando", "Paris") are left out.
GIVEN_NAMES = _names(
    """
    aaron, abdul, abdullah, abraham, adam, adrian, agnes, ahmad, ahmed, akira, alan, albert, alberto, alejandro,
    aleksandr, alex, alexander, alexandra, alexandre, alexei, alfred, ali, alice, alicia, alison, allen, alma,
    alvin, amanda, amy, ana, andre, andrea, andreas, andrei, andres, andrew, andy, angela, angelo, angus, anita,
    ann, anna, anne, annie, anthony, antoine, antonio, archie, ariel, arnold, arthur, arturo, ashley, ashraf,
    ayman, barack, barbara, barry, beatrice, ben, benazir, benjamin, benny, bernard, bernie, bert, beth, betty,
    bill, billy, bob, bobby, bonnie, boris, boyd, brad, bradley, brandon, brenda, brent, brett, brian, bruce,
    bryan, byron, calvin, cameron, carl, carla, carlos, carmen, carol, caroline, carolyn, catherine, cathy, cecil,
    cedric, charles, charlie, cheryl, chris, christian, christina, christine, christopher, chuck, cindy, claire,
    clara, clarence, clark, claude, claudia, clifford, clint, clyde, cody, colin, condoleezza, connie, conrad,
    craig, curtis, cynthia, dan, dana, daniel, daniela, danny, darrell, darren, dave, david, dean, deborah, debra,
    denis, dennis, derek, diana, diane, dick, dmitry, dominic, don, donald, donna, doris, dorothy, doug, douglas,
    dwight, dylan, ed, eddie, edgar, edith, edmund, edward, edwin, ehud, eileen, elaine, eleanor, elena,
    elizabeth, ella, ellen, elliot, elsa, emil, emily, emma, emmanuel, enrique, eric, erik, ernest, ernesto,
    esther, ethan, eugene, eva, evan, evelyn, felix, fernando, fidel, fiona, frances, francesco, francis,
    francisco, franco, francois, frank, franz, fred, frederick, fritz, gabriel, gail, gary, gavin, geoffrey,
    george, gerald, gerard, gerhard, gilbert, giovanni, giuseppe, glen, glenn, gloria, gordon, grace, greg,
    gregory, gustavo, hamid, hannah, hans, harold, harry, harvey, hassan, heather, hector, heidi, heinz, helen,
    helmut, henri, henry, herbert, herman, hilary, hillary, hiroshi, horace, hosni, howard, hubert, hugh, hugo,
    hussein, ian, ibrahim, igor, imran, indira, ingrid, irene, isaac, isabel, ismail, ivan, jack, jackie, jacob,
    jacques, jaime, jamal, james, jamie, jane, janet, janice, jared, jason, javier, jay, jean, jeff, jeffrey,
    jennifer, jenny, jeremy, jerome, jerry, jesse, jessica, jill, jim, jimmy, joan, joanne, joaquin, joe, joel,
    johann, john, johnny, jon, jonathan, jorge, jose, joseph, josephine, josh, joshua, joyce, juan, judith, judy,
    jules, julia, julian, julie, julio, justin, kamala, karen, karim, karin, karl, kate, katherine, kathleen,
    kathryn, kathy, katie, kay, keith, kelly, ken, kenji, kenneth, kevin, khalid, kim, kirk, klaus, kristin, kurt,
    kyle, lance, larry, laura, lauren, lawrence, lena, leo, leon, leonard, leroy, leslie, lester, lillian, linda,
    lisa, lloyd, lois, lorenzo, lori, lorraine, louis, louise, lucy, luis, luke, lynn, madeleine, mahmoud,
    malcolm, manmohan, manuel, marc, marco, marcus, margaret, maria, marie, marilyn, mario, marjorie, mark,
    marsha, martha, martin, marvin, mary, matt, matthew, maureen, maurice, megan, melissa, melvin, michael,
    michel, michelle, miguel, mike, mikhail, milton, miriam, mitch, mitt, mohamed, mohammad, mohammed, molly,
    monica, morris, muammar, muhammad, murray, mustafa, nadia, nancy, naomi, narendra, natalia, natalie, nathan,
    nathaniel, nawaz, ned, neil, newt, nicholas, nick, nicolas, nicole, nikolai, nina, noah, noel, norma, norman,
    nouri, olga, oliver, olivia, omar, orville, osama, oscar, otto, owen, pablo, pamela, pat, patricia, patrick,
    patty, paul, paula, pauline, pedro, peggy, percy, perry, pervez, peter, phil, philip, philippe, phillip,
    phyllis, pierre, rachel, rafael, rahul, rajiv, ralph, ramon, randall, randy, raul, raymond, rebecca, recep,
    reginald, ricardo, richard, rick, rita, robert, roberta, roberto, robin, rodney, roger, roland, rolf, ron,
    ronald, ronnie, rosa, rosemary, roy, rudolph, rudy, rupert, russell, ruth, ryan, saddam, sally, sam, samuel,
    sandra, sanjay, sara, sarah, saul, scott, sean, sebastian, sergei, sergey, seth, shane, shannon, sharon,
    sheila, sheldon, shelley, shimon, shirley, sidney, silvia, silvio, simon, sonia, sophie, stanley, stefan,
    stella, stephanie, stephen, steve, steven, stewart, stuart, sue, susan, suzanne, sylvia, takeshi, tamara,
    tanya, tara, tariq, ted, teresa, terry, theodore, theresa, thomas, tim, timothy, tina, tobias, todd, tom,
    tommy, tony, tracy, travis, tyler, valerie, vera, veronica, vicki, victor, vijay, vincent, vivian, vladimir,
    walter, wayne, wendy, wesley, wilbur, willard, william, willie, winston, wolfgang, yasser, yitzhak, yuri,
    yusuf, yvonne, zachary
    """
)
