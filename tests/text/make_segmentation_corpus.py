#!/usr/bin/python3
"""Writes the segmentation conformance corpus (deterministic for a seed): hotline dialogue, news-like prose,
dictionary-word sequences, unknown-word runs for the HMM, numbers, dates, English, URLs, full- and half-width
punctuation, emoji and odd whitespace, blank lines. All templates below were written by the SpeechQa team.
Usage: make_segmentation_corpus.py OUTPUT [--bytes N] [--seed S] [--dict /usr/lib/python3/dist-packages/jieba/dict.txt]"""
import random, sys

args = sys.argv[1:]
def opt(name, default):
    if name in args:
        i = args.index(name); value = args[i + 1]; del args[i:i + 2]; return value
    return default
size = int(opt("--bytes", "1100000"))
seed = int(opt("--seed", "20261202"))
dict_path = opt("--dict", "/usr/lib/python3/dist-packages/jieba/dict.txt")
out = args[0]
rng = random.Random(seed)
pick = rng.choice

surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳司马诸葛"
given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉宇浩然子轩梓涵一诺欣怡雨桐思远嘉怡建国志强海燕淑珍晓东"
districts = ["和平区", "南开区", "河西区", "铁西区", "沈河区", "皇姑区", "高新区", "经开区", "城关镇", "新华街道", "滨河新区", "东城区", "西湖区", "雁塔区", "浑南区"]
streets = ["幸福路", "建设大街", "人民东路", "光明巷", "解放南路", "长江道", "黄河路", "中山北街", "文化西路", "胜利大街", "滨江路", "民主街"]
places = ["小区", "花园", "家园", "公寓", "新村", "苑", "里", "大厦"]
fees = ["水费", "采暖费", "滞纳金", "污水处理费", "二次供水费", "水表更换费", "热计量费", "供暖费"]
problems = ["停水", "水压低", "水表不走字", "水表冻裂", "水质发黄", "管道漏水", "爆管", "暖气不热", "室温只有十五度", "暖气片漏水", "阀门关不上", "下水道返水", "自来水有异味", "供热管网泄漏"]
agent_open = ["您好，{hotline}，{no}号话务员为您服务。", "您好，这里是{hotline}，请问有什么可以帮您？", "您好，很高兴为您服务，我是{no}号。", "喂，您好，{hotline}。"]
hotlines = ["自来水热线", "供热服务热线", "供水集团客服中心", "热力公司客服热线", "水务服务热线"]
customer_lines = [
    "我家{problem}了，已经{n}天了，你们到底管不管？",
    "我想问一下{fee}怎么这么贵，上个月才交了{money}元。",
    "我的户号是{account}，帮我查一下欠费多少。",
    "我住在{address}，从{date}开始就{problem}。",
    "上次打电话说{hours}小时之内有人来，到现在还没人来！",
    "你们的维修师傅{name}说今天下午来，结果一直没来。",
    "我家老人八十多了，{problem}实在受不了。",
    "我要投诉，你们这个服务态度太差了，气死我了😡",
    "麻烦你登记一下，我的电话是{phone}，有人来之前先给我打个电话。",
    "嗯嗯，好的好的，那我等通知吧。",
    "阶梯水价第{tier}档是多少钱一吨？",
    "我想办理报停，房子没人住了。",
    "能不能把{fee}改成自动扣款？银行卡号{card}。",
    "又{problem}了，这都第{n}次了！上次说修好了，又坏了。",
    "另外一个问题，我家楼上{problem}，渗到我家了。",
    "我刚收到短信说{date}计划停水，几点能恢复？",
    "你们APP上显示已缴费，可是系统说我欠费{money}元，怎么回事？",
    "我是{district}{street}{num}号的，整栋楼都{problem}。",
]
agent_lines = [
    "您别着急，我马上给您登记，{hours}小时内会有维修人员联系您。",
    "请您提供一下户号，或者是缴费卡上的用户编号。",
    "经查询，您的账户目前欠费{money}元，其中{fee}{money2}元。",
    "按照规定，居民阶梯水价第一档是每吨{price}元，第二档是每吨{price2}元。",
    "非常抱歉给您带来不便，我这边已经帮您催办了。",
    "这个不归我们管，您得去找物业。",
    "这个问题我帮您转接到{dept}，请稍等。",
    "您反映的{problem}问题，我们已经派单，工单号是{ticket}。",
    "室温低于{temp}度的话，我们可以安排上门测温。",
    "请问还有其他可以帮您的吗？",
    "感谢您的来电，祝您生活愉快，再见！",
    "您说的是{address}对吗？我跟您确认一下。",
    "{date}到{date2}，因为管网改造，{district}部分区域会暂停供水。",
    "采暖期是每年{month}月{day}日到次年3月31日。",
    "滞纳金是按日加收欠费金额的千分之{permil}计算的。",
    "好的，已经帮您把电话{phone}登记上了。",
]
news = [
    "{year}年{month}月{day}日，{city}{org}召开{topic}工作推进会，会议强调要{verb}{obj}。",
    "据{org}介绍，今年以来全市累计{verb}{obj}{n}处，涉及居民{n2}户。",
    "记者从{city}{org}获悉，{topic}工程预计于{year}年底完工，届时将惠及{n}万人。",
    "针对群众反映强烈的{problem}问题，{org}成立专项工作组，实行“一户一档”管理。",
    "专家指出，{topic}的关键在于{verb}{obj}，同时要加强{obj2}。",
    "截至{month}月底，{city}供热面积达到{n}万平方米，同比增长{pct}%。",
    "受寒潮影响，{city}最低气温降至零下{temp}摄氏度，{org}启动应急预案。",
    "这项政策自{year}年{month}月{day}日起施行，原有规定同时废止。",
]
cities = ["天津市", "沈阳市", "哈尔滨市", "长春市", "呼和浩特市", "太原市", "石家庄市", "济南市", "西安市", "兰州市", "乌鲁木齐市", "郑州市"]
orgs = ["水务局", "供热办", "城市管理委员会", "住建局", "自来水集团", "热力集团", "发改委", "12345政务服务便民热线"]
topics = ["老旧小区管网改造", "二次供水设施改造", "智慧水务", "供热计量收费", "节水型城市建设", "雨污分流", "热源厂超低排放改造"]
verbs = ["加快推进", "全面排查", "切实解决", "持续优化", "严格落实", "统筹推进", "有效降低", "大力提升"]
objs = ["供水安全", "管网漏损率", "群众满意度", "一次解决率", "服务质量", "应急抢修能力", "水质达标率", "供热质量"]
depts = ["维修班组", "营业厅", "稽查科", "客服二组", "热源厂调度室", "管网所"]
english = ["OK", "APP", "WiFi", "iPhone", "Android", "PDF", "Excel", "email", "QA", "KPI", "Python", "C#", "C++", "GPS", "ID",
           "hello", "thanks", "please hold", "IoT", "NB-IoT", "5G", "H2O", "pH", "COVID-19", "U盘", "T恤", "X光", "AT&T"]
emoji = ["😀", "😡", "👍", "🙏", "💧", "🔥", "❄️", "☎️", "👨‍👩‍👧", "🇨🇳", "✅", "❗", "😂", "🌡️", "🚰", "♨️"]
punct_half = [",", ".", "!", "?", ";", ":", "(", ")", "\"", "'", "/", "@", "~", "*", "=", "<", ">", "[", "]", "{", "}", "|", "^", "$", "`"]
punct_full = ["，", "。", "！", "？", "；", "：", "（", "）", "“", "”", "‘", "’", "、", "《", "》", "【", "】", "……", "——", "·", "～", "「", "」", "〇"]
spaces = [" ", "  ", "\t", "\u3000", "\u00a0", " \u2002 ", "\u200b", "\x1c", "\r"]
fullwidth_digits = "０１２３４５６７８９"

def name():
    return pick(["欧阳", "司马", "诸葛", ""]) + pick(surnames) + "".join(pick(given) for _ in range(rng.randint(1, 2)))

def number(lo, hi):
    return str(rng.randint(lo, hi))

def money():
    return pick([f"{rng.randint(1, 3000)}", f"{rng.randint(1, 999)}.{rng.randint(0, 99):02d}", f"{rng.randint(1, 9)}千{rng.randint(1, 9)}百"])

def date():
    forms = [lambda: f"{rng.randint(2019, 2026)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
             lambda: f"{rng.randint(1, 12)}月{rng.randint(1, 28)}号",
             lambda: f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
             lambda: f"{rng.randint(2019, 2026)}/{rng.randint(1, 12)}/{rng.randint(1, 28)}",
             lambda: pick(["今天", "昨天", "前天", "上周三", "大年初二", "十一月十五号", "下个礼拜一"]),
             lambda: f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"]
    return pick(forms)()

def address():
    return f"{pick(districts)}{pick(streets)}{rng.randint(1, 300)}号{name()[:2]}{pick(places)}{rng.randint(1, 30)}栋{rng.randint(1, 6)}单元{rng.randint(101, 2802)}"

def phone():
    return pick([f"1{rng.randint(3, 9)}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}", f"0{rng.randint(10, 999)}-{rng.randint(2000000, 89999999)}",
                 "".join(pick(fullwidth_digits) for _ in range(11)), f"1{rng.randint(30, 99)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"])

def fill(template):
    values = dict(hotline=pick(hotlines), no=number(1, 999), problem=pick(problems), n=number(2, 30), n2=number(100, 99999), fee=pick(fees),
                  money=money(), money2=money(), account=pick([number(10000000, 99999999), f"SN{number(100000, 999999)}", f"{number(1000, 9999)}-{number(100000, 999999)}"]),
                  address=address(), date=date(), date2=date(), hours=pick(["24", "2", "48", "十二", "4"]), name=name(), phone=phone(), tier=pick("一二三123"),
                  card=" ".join(number(1000, 9999) for _ in range(4)), district=pick(districts), street=pick(streets), num=number(1, 999),
                  price=f"{rng.randint(2, 5)}.{rng.randint(0, 99):02d}", price2=f"{rng.randint(5, 9)}.{rng.randint(0, 99):02d}", dept=pick(depts),
                  ticket=f"GD{rng.randint(2024, 2026)}{rng.randint(100000, 999999)}", temp=pick(["18", "16", "二十", "十八", "25"]),
                  month=number(1, 12), day=number(1, 28), permil=pick(["三", "五", "0.5", "1"]), year=number(1998, 2026), city=pick(cities),
                  org=pick(orgs), topic=pick(topics), verb=pick(verbs), obj=pick(objs), obj2=pick(objs), pct=f"{rng.randint(1, 30)}.{rng.randint(0, 9)}")
    return template.format(**values)

def decorate(line):
    """Sprinkle the kinds of text a transcript or a chat log carries."""
    r = rng.random()
    if r < 0.08:
        line += pick(emoji)
    elif r < 0.14:
        line = pick(english) + pick([" ", "", "，", ": "]) + line
    elif r < 0.19:
        line = line.replace("，", pick(punct_half), 1)
    elif r < 0.24:
        line = line + pick(spaces) + pick(english)
    elif r < 0.28:
        line = pick(spaces) + line + pick(spaces)
    elif r < 0.31:
        line = line.replace("。", pick(punct_full), 1)
    elif r < 0.33:
        line = f"https://www.example.com/{pick(['bill', 'repair', 'notice'])}?id={rng.randint(1, 99999)}&t={rng.randint(1, 9)} " + line
    elif r < 0.35:
        line += f" 联系邮箱 service{rng.randint(1, 99)}@water-{pick(['tj', 'sy', 'heb'])}.cn"
    elif r < 0.37:
        line += f"（版本v{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 99)}，温度-{rng.randint(1, 30)}℃，湿度{rng.randint(10, 99)}%）"
    return line

words, weights = [], []
with open(dict_path, encoding="utf-8") as f:
    for line in f:
        parts = line.split(" ")
        words.append(parts[0]); weights.append(int(parts[1]) ** 0.5)
han_pool = [chr(c) for c in range(0x4E00, 0x9FD6)]
common = "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感"

def dictionary_run():
    picked = rng.choices(words, weights=weights, k=rng.randint(3, 25))
    joiner = pick(["", "", "", "，", " "])
    return joiner.join(picked) + pick(["。", "！", "？", "", "……"])

def unknown_run():
    pool = han_pool if rng.random() < 0.3 else common
    return "".join(pick(pool) for _ in range(rng.randint(2, 12))) + pick(["", "。", "，", pick(emoji)])

def mixed_run():
    parts = []
    for _ in range(rng.randint(2, 8)):
        parts.append(pick([pick(english), number(0, 100000), f"{rng.randint(0, 99)}.{rng.randint(0, 99)}%", pick(punct_half), pick(punct_full),
                           pick(emoji), pick(spaces), pick(problems), pick(fees), date(), phone(), "".join(pick(fullwidth_digits) for _ in range(3)),
                           "ＡＢＣ", "Ｗｉ－Ｆｉ", "+86", "#1", "a&b", "x_y", "1.2.3", "--", "..", "%%", "3+4", "C&A"]))
    return "".join(parts)

def dialogue():
    lines = [pick(["坐席：", "客户：", "", "A: ", "B: ", "[00:01:12] "]) + fill(pick(agent_open))]
    for _ in range(rng.randint(2, 10)):
        lines.append(pick(["客户：", "", "用户说：", "B: "]) + decorate(fill(pick(customer_lines))))
        lines.append(pick(["坐席：", "", "A: "]) + decorate(fill(pick(agent_lines))))
    return lines

generators = [(dialogue, 0.45), (lambda: [decorate(fill(pick(news))) for _ in range(rng.randint(1, 4))], 0.2),
              (lambda: [dictionary_run()], 0.15), (lambda: [unknown_run()], 0.1), (lambda: [mixed_run()], 0.07), (lambda: [""], 0.03)]
written = 0
with open(out, "w", encoding="utf-8", newline="") as f:
    while written < size:
        make = rng.choices([g for g, _ in generators], weights=[w for _, w in generators])[0]
        for line in make():
            data = line.replace("\n", " ") + "\n"
            f.write(data)
            written += len(data.encode("utf-8"))
print(written)
