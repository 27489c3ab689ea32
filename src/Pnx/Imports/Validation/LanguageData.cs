namespace Pnx.Imports.Validation;

/// <summary>
/// The contact languages the import understands: every ISO 639-1 code (with its 639-3 code) and the
/// ISO 639-3 codes of languages newcomers in Flanders commonly speak, each with its Dutch names.
/// One line per language: 639-1 code (or "-"), 639-3 code, Dutch names separated by ", ".
/// </summary>
/// <remarks>
/// "ber" is the ISO 639-2/639-5 code for the Berber languages as a group: the Dutch word "Berbers" (or
/// "Tamazight") does not say which one, and guessing a specific language would store a wrong fact.
/// Individual 639-3 codes (pbt, ckb, apc, ...) are kept as they are: they are more precise than the
/// macrolanguage's 639-1 code, not equivalent to it.
/// </remarks>
internal static class LanguageData
{
    public const string Table = """
        aa	aar	Afar
        ab	abk	Abchazisch
        ae	ave	Avestisch
        af	afr	Afrikaans
        ak	aka	Akan
        am	amh	Amhaars, Amharic
        an	arg	Aragonees
        ar	ara	Arabisch
        as	asm	Assamees
        av	ava	Avaars
        ay	aym	Aymara
        az	aze	Azerbeidzjaans, Azeri
        ba	bak	Basjkiers
        be	bel	Wit-Russisch, Belarussisch
        bg	bul	Bulgaars
        bi	bis	Bislama
        bm	bam	Bambara
        bn	ben	Bengaals, Bengali, Bangla
        bo	bod	Tibetaans
        br	bre	Bretoens
        bs	bos	Bosnisch
        ca	cat	Catalaans
        ce	che	Tsjetsjeens
        ch	cha	Chamorro
        co	cos	Corsicaans
        cr	cre	Cree
        cs	ces	Tsjechisch
        cu	chu	Kerkslavisch
        cv	chv	Tsjoevasjisch
        cy	cym	Welsh, Wels
        da	dan	Deens
        de	deu	Duits
        dv	div	Divehi
        dz	dzo	Dzongkha
        ee	ewe	Ewe
        el	ell	Grieks
        en	eng	Engels
        eo	epo	Esperanto
        es	spa	Spaans
        et	est	Estisch, Ests
        eu	eus	Baskisch
        fa	fas	Perzisch, Farsi
        ff	ful	Fula, Fulfulde, Peul, Pulaar
        fi	fin	Fins
        fj	fij	Fijisch
        fo	fao	Faeröers
        fr	fra	Frans
        fy	fry	Fries
        ga	gle	Iers
        gd	gla	Schots-Gaelisch
        gl	glg	Galicisch
        gn	grn	Guaraní
        gu	guj	Gujarati
        gv	glv	Manx
        ha	hau	Hausa
        he	heb	Hebreeuws
        hi	hin	Hindi
        ho	hmo	Hiri Motu
        hr	hrv	Kroatisch
        ht	hat	Haïtiaans Creools, Haïtiaans
        hu	hun	Hongaars
        hy	hye	Armeens
        hz	her	Herero
        ia	ina	Interlingua
        id	ind	Indonesisch
        ie	ile	Interlingue
        ig	ibo	Igbo
        ii	iii	Sichuan Yi, Nuosu
        ik	ipk	Inupiaq
        io	ido	Ido
        is	isl	IJslands
        it	ita	Italiaans
        iu	iku	Inuktitut
        ja	jpn	Japans
        jv	jav	Javaans
        ka	kat	Georgisch
        kg	kon	Kikongo, Kongo
        ki	kik	Kikuyu
        kj	kua	Kwanyama
        kk	kaz	Kazachs
        kl	kal	Groenlands
        km	khm	Khmer, Cambodjaans
        kn	kan	Kannada
        ko	kor	Koreaans
        kr	kau	Kanuri
        ks	kas	Kasjmiri
        ku	kur	Koerdisch
        kv	kom	Komi
        kw	cor	Cornish
        ky	kir	Kirgizisch
        la	lat	Latijn
        lb	ltz	Luxemburgs
        lg	lug	Luganda
        li	lim	Limburgs
        ln	lin	Lingala
        lo	lao	Laotiaans
        lt	lit	Litouws
        lu	lub	Luba-Katanga
        lv	lav	Lets, Letlands
        mg	mlg	Malagassisch
        mh	mah	Marshallees
        mi	mri	Maori
        mk	mkd	Macedonisch
        ml	mal	Malayalam
        mn	mon	Mongools
        mr	mar	Marathi
        ms	msa	Maleis
        mt	mlt	Maltees
        my	mya	Birmaans
        na	nau	Nauruaans
        nb	nob	Bokmål, Noors Bokmål
        nd	nde	Noord-Ndebele
        ne	nep	Nepalees, Nepali
        ng	ndo	Ndonga
        nl	nld	Nederlands
        nn	nno	Nynorsk, Noors Nynorsk
        no	nor	Noors
        nr	nbl	Zuid-Ndebele
        nv	nav	Navajo
        ny	nya	Chichewa
        oc	oci	Occitaans
        oj	oji	Ojibweg
        om	orm	Oromo
        or	ori	Odia
        os	oss	Ossetisch
        pa	pan	Punjabi, Pendzjabi
        pi	pli	Pali
        pl	pol	Pools
        ps	pus	Pasjtoe, Pashtu, Pashto
        pt	por	Portugees
        qu	que	Quechua
        rm	roh	Reto-Romaans
        rn	run	Kirundi
        ro	ron	Roemeens
        ru	rus	Russisch
        rw	kin	Kinyarwanda
        sa	san	Sanskriet
        sc	srd	Sardijns
        sd	snd	Sindhi
        se	sme	Noord-Samisch
        sg	sag	Sango
        sh	hbs	Servo-Kroatisch
        si	sin	Singalees, Sinhala
        sk	slk	Slowaaks
        sl	slv	Sloveens
        sm	smo	Samoaans
        sn	sna	Shona
        so	som	Somalisch
        sq	sqi	Albanees
        sr	srp	Servisch
        ss	ssw	Swazi
        st	sot	Zuid-Sotho, Sesotho
        su	sun	Soendanees
        sv	swe	Zweeds
        sw	swa	Swahili
        ta	tam	Tamil
        te	tel	Telugu
        tg	tgk	Tadzjieks
        th	tha	Thai, Thais
        ti	tir	Tigrinya
        tk	tuk	Turkmeens
        tl	tgl	Tagalog
        tn	tsn	Tswana
        to	ton	Tongaans
        tr	tur	Turks
        ts	tso	Tsonga
        tt	tat	Tataars
        tw	twi	Twi
        ty	tah	Tahitiaans
        ug	uig	Oeigoers
        uk	ukr	Oekraïens
        ur	urd	Urdu
        uz	uzb	Oezbeeks, Uzbeeks
        ve	ven	Venda
        vi	vie	Vietnamees
        vo	vol	Volapük
        wa	wln	Waals
        wo	wol	Wolof
        xh	xho	Xhosa
        yi	yid	Jiddisch
        yo	yor	Yoruba
        za	zha	Zhuang
        zh	zho	Chinees
        zu	zul	Zoeloe, Zulu
        -	prs	Dari
        -	pbt	Zuid-Pasjtoe
        -	pbu	Noord-Pasjtoe
        -	ckb	Sorani, Centraal-Koerdisch
        -	kmr	Kurmanji, Noord-Koerdisch
        -	sdh	Zuid-Koerdisch
        -	apc	Levantijns Arabisch, Syrisch Arabisch
        -	arz	Egyptisch Arabisch
        -	ary	Marokkaans Arabisch, Darija
        -	arq	Algerijns Arabisch
        -	aeb	Tunesisch Arabisch
        -	acm	Iraaks Arabisch
        -	apd	Soedanees Arabisch
        -	arb	Standaardarabisch, Modern Standaardarabisch
        -	pes	Iraans Perzisch
        -	haz	Hazaragi
        -	tig	Tigre
        -	snk	Soninke
        -	ber	Berbers, Tamazight
        -	rif	Tarifit, Riffijns
        -	zgh	Standaard-Marokkaans Tamazight
        -	tzm	Centraal-Atlas Tamazight
        -	shi	Tashelhit, Tachelhit
        -	kab	Kabylisch
        -	fil	Filipijns, Filipino
        -	cmn	Mandarijn, Mandarijn-Chinees
        -	yue	Kantonees
        -	rom	Romani, Romanes
        -	lua	Tshiluba
        -	mey	Hassaniya
        -	mnk	Mandinka
        -	sus	Susu
        -	dyu	Dioula, Dyula
        -	fuf	Pular
        -	kri	Krio
        -	pcm	Nigeriaans Pidgin
        -	gaa	Ga-taal
        -	bin	Edo
        -	efi	Efik
        -	aii	Assyrisch, Assyrisch Neo-Aramees
        -	cld	Chaldeeuws
        -	syl	Sylheti
        -	rhg	Rohingya
        -	bal	Beloetsji, Baloetsji
        -	skr	Saraiki
        -	bej	Beja
        -	ssy	Saho
        -	nus	Nuer
        -	din	Dinka
        """;
}
