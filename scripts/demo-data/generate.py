# Synthetic hotline data set for the demo (#10): a month of calls of a water/heating hotline, deterministic by seed.
#   python3 scripts/demo-data/generate.py --out data/demo [--seed 7] [--calls 300] [--no-audio]
# Writes manifest.csv (and manifest-audio-only.csv, for Whisper), transcripts/<id>.json (the scripts, as reference transcripts), audio/<id>.wav (stereo 8 kHz A-law,
# agent left, customer right; espeak-ng cmn voices, one pitch/speed per person, gaps, silences, overlaps, light noise)
# and truth.json: per call the planted rule ids, the category, and the repeat chains / outage clusters with root causes.
# Each planted error has several wordings (Hotline's lists, written from tests/eval/LABELLING.md, never from rules/), drawn by
# the seeded generator: another seed gives a draw worded otherwise, which is what the unseen-draw check relies on.
import argparse, csv, json, os, random, subprocess, sys, unicodedata, wave, zlib
from collections import Counter
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=8))
AGENTS = {  # id: (name, team, pitch, speed)
    "A101": ("孙静", "热线一组", 62, 175), "A102": ("李红梅", "热线一组", 70, 170), "A103": ("王志强", "热线一组", 35, 165),
    "A104": ("赵丽", "热线一组", 66, 180), "A201": ("周磊", "热线二组", 30, 170), "A202": ("马晓燕", "热线二组", 72, 175),
    "A203": ("刘洋", "热线二组", 40, 172), "A204": ("陈芳", "热线二组", 64, 168),
}
REGIONS = {"竞秀区": ["锦苑小区", "朝阳北大街", "丽景花园"], "莲池区": ["裕华东路", "东风小区", "华创家园"],
           "满城区": ["中山路", "金台小区", "永安里"], "徐水区": ["向阳路", "丰泽园", "康宁家园"]}
SURNAMES = "张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ["建华", "淑芬", "海燕", "志刚", "秀兰", "国庆", "丽娟", "永强", "桂英", "明"]
# Planted errors and what the generator does for each (error ids as in rules/rulesets and docs/rules.md).
NONFATAL = ["N01", "N02", "N03", "N04", "N05", "N06", "N07", "N08", "N09", "N10", "N11", "N12"]
FATAL_POOL = {"repair": ["F01", "F02", "F04", "F06", "F07"], "inquiry": ["F01", "F02", "F03", "F06", "F07"],
              "service": ["F05", "F01", "F02", "F07"]}  # F05: account services (phone change, 报停, refund, bill details)
FAST_SPEED, FAST_RATE, CLEAN_RATE = 440, 310, 270  # N06: espeak speed of a too-fast agent; chars/min it must reach; a clean agent stays under
REPAIR = ["C06", "C04", "C05", "C11"]
INQUIRY = ["C01", "C02", "C07", "C12"]


def office_hours(t):
    """Calls reach the hotline mostly in the day: a time after 20:00 or before 8:00 moves to the next morning."""
    if 8 <= t.hour < 20:
        return t
    day = t if t.hour < 8 else t + timedelta(days=1)
    return day.replace(hour=8 + t.minute % 4, minute=(t.minute * 7) % 60, second=t.second)


def chars(text):
    return sum(1 for ch in text if not (unicodedata.category(ch).startswith("P") or ch.isspace()))


class Call:
    def __init__(self, call_id, at, direction, caller, agent, region, category, account):
        self.call_id, self.at, self.direction, self.caller, self.agent = call_id, at, direction, caller, agent
        self.region, self.category, self.account = region, category, account
        self.lines, self.planted, self.hangup_by = [], set(), "customer"
        self.f01, self.fast = "other", False  # F01's form (another household's data, or data read before verification); N06

    def a(self, text, gap=None):
        self.lines.append(("agent", text, gap))

    def c(self, text, gap=None):
        self.lines.append(("customer", text, gap))


class Hotline:
    def __init__(self, seed):
        self.rnd = random.Random(seed)
        self.count = 0
        self.ticket = 24110000

    def person(self):
        r = self.rnd
        return {"name": r.choice(SURNAMES) + r.choice(GIVEN), "phone": "1" + r.choice("358") + "".join(r.choice("0123456789") for _ in range(9)),
                "account": str(r.randint(1000000, 1099999)), "region": r.choice(list(REGIONS))}

    def address(self, p):
        r = random.Random(p["phone"])
        return f"{p['region']}{r.choice(REGIONS[p['region']])}{r.randint(1, 18)}号楼{r.randint(1, 4)}单元{r.randint(1, 6)}0{r.randint(1, 4)}"

    def new_call(self, at, person, category, direction="inbound", agent=None):
        self.count += 1
        cid = f"D{at:%Y%m%d}-{self.count:04d}"
        agent = agent or self.rnd.choice(list(AGENTS))
        return Call(cid, at, direction, person["phone"], agent, person["region"], category, person["account"])

    def next_ticket(self):
        self.ticket += self.rnd.randint(3, 17)
        return str(self.ticket)

    def pick(self, options, **fields):
        """One wording of several, drawn by the seeded generator (so a draw is reproducible and another seed words it otherwise)."""
        return self.rnd.choice(options).format(**fields)

    # ------------------------------------------------------------------ wordings of the planted errors
    # At least five per error, written from tests/eval/LABELLING.md (not from the rules): colloquial, northern usage, fillers.
    N01_OPEN = ["请讲。", "喂，您说吧。", "嗯，您讲。", "在呢，说吧，啥事儿？", "喂，哪位？", "您好，您说。"]
    N02_END = ["嗯，就这样。", "行，那先这样吧。", "得嘞，那就这么着。", "好，知道了啊。", "嗯嗯，行，挂了啊。", "那没别的了吧，就这样。"]
    N12_CLOSE = ["感谢您的来电，再见。", "好嘞，谢谢您的来电，再见啊。", "那就不耽误您了，感谢来电，再见。", "行，谢谢您打来电话，再见。",
                 "感谢您对我们工作的支持，祝您生活愉快，再见。", "好的，谢谢您，再见。"]
    N03_SKIP = ["好，信息我这边都有了。", "行，我这就给您登上。", "嗯，系统里都有，不用再对了。", "记下了记下了。", "您的情况我都清楚了，这就给您报上去。",
                "得，我直接给您派了啊。"]
    N04_LOOK = ["我看一下。", "我查查。", "嗯，我找找啊。", "我这儿调一下记录。", "让我瞅瞅。", "我翻翻看。"]
    N05_CUT = {  # the agent cutting in; only a repair call registers something (elsewhere "登记" would read as a ticket made)
        "repair": ["好的好的，我们这边先登记。", "行行行，我知道了，先给您记上。", "嗯嗯，明白，这个情况我了解了。", "对对对，您这个问题我清楚了。",
                   "好嘞，您的意思我懂了。", "哎，好，那我先给您记一下。"],
        "tariff": ["一年180吨以内都是第一阶梯。", "好的好的，这个我明白。", "对对对，您这个问题我清楚了。", "嗯嗯，是按一年的总量算的。",
                   "好嘞，您的意思我懂了。"],
        "service": ["好的好的，这个我明白。", "嗯嗯，您的情况我了解了。", "对对对，这个能办。", "好嘞，您的意思我懂了。", "哎，好，我知道了。"],
    }
    N05_LONG = {
        "repair": ["就是从昨天晚上开始的，我一直在家等着，到现在都没弄明白是怎么回事，邻居家也是这样。",
                   "那个，我跟你说啊，这事儿吧不是一天两天了，前些天就有点苗头，我寻思过两天就好了，结果越来越厉害。",
                   "我们家老人在家呢，腿脚不好，上下楼也不方便，我上班又走不开，就想问问你们能不能尽快派人过来给看一眼。",
                   "早上起来我就发现不对劲了，赶紧找了物业，物业说这事儿归你们管，让我打你们这个电话，我这才打过来。",
                   "嗯，怎么说呢，就是时好时坏的，有时候好好的，有时候突然就不行了，我也说不清楚到底是哪儿的毛病。"],
        "tariff": ["我家一般一个月也就用十来吨水，一年下来应该到不了一百八十吨吧，我就想知道大概交多少钱。",
                   "那个，我们家四口人，平时洗洗涮涮的用水比较多，夏天还得天天洗澡，我就怕一年下来超了那个量。",
                   "我是刚搬过来的，以前住的地方水费跟这边不一样，我也不知道咱这块儿怎么算，就想先问清楚了。",
                   "就是说啊，我看了看账单上写的东西挺多的，又是阶梯又是别的，我这岁数大了也看不太明白。",
                   "我邻居跟我说过这个事儿，说是用多了就贵，可具体怎么个贵法他也没说清楚，我就自己打电话来问问。"],
        "service": ["我跟你说一下啊，我们家那个情况有点特殊，房子是我妈的，现在她住院了，我这两天替她跑这些事儿。",
                    "就是这么回事，我上礼拜去营业厅问过一回，那边人说打电话也能办，我就想着别再跑一趟了。",
                    "嗯，那个，我也不太懂你们这些手续，反正就想把这个事儿办了，要是需要啥你跟我说一声。",
                    "我们家今年冬天可能都不在这边住，孩子在外地，我们老两口过去帮着带孩子，得明年开春才回来。",
                    "我看短信上写的跟我算的对不上，我也不知道是我算错了还是你们那边弄错了，反正心里不踏实。"],
    }
    N07_ASK = {"repair": ["那到底怎么办？", "那我这个得等多久啊？", "那这个费用谁出啊？", "你们能不能先来个人看看？", "那我现在该咋整啊？"],
               "tariff": ["那我到底交多少？", "这个价格是谁定的？", "那能不能便宜点儿？", "那像我们家这样的一般交多少？", "这个钱咋算的你再说说？"],
               "service": ["那到底要啥手续啊？", "那我这个能不能快点办？", "那我还得跑一趟？", "那要带啥证件不？", "那你们那边咋说？"]}
    N07_SAY = ["你听我说，这个得按规定来。", "喂喂，你听清楚啊，这个得按流程走。", "不知道，这个我也不清楚。", "这个我也没辙，规定就是这样。",
               "我刚才已经跟你说过了，就是按规定办。", "谁知道呢，反正就这么定的。"]
    N11_HEM = ["我想想啊，就是那个……", "嗯……那个……我想想怎么说。", "就是……哎，我这一下子想不起来了。", "那个啥，等会儿，我找找单子。", "我看看啊，嗯……"]
    N11_SAY = ["你到底要办什么？", "你想好了再打行不行？", "赶紧的，到底啥问题？", "有事说事，后面还有人排着呢。", "哎呀你快点说吧，我这儿忙着呢。",
               "你能不能直接说重点？"]
    F02_ASK = {"repair": ["你们能不能快点啊？", "啥叫总阀啊？我不太懂。", "那个阀门在哪儿我也找不着啊。", "我不懂这些，你说慢点儿。", "那我家这个到底严不严重？"],
               "tariff": ["这么复杂，我没听明白。", "你再说一遍，我没记住。", "阶梯是啥意思啊？", "那我这算第几档啊？", "一吨是多少水啊？"],
               "service": ["这么多手续，我听不明白。", "能不能简单点儿？", "你说的这个我不懂。", "那我下回还得打电话不？", "核实是啥意思，我不就是户主吗？"]}
    F02_SAY = ["你懂不懂啊，这都不明白。", "这么简单的事你都听不懂？", "你是不是脑子不好使啊，说了半天了。", "就你事儿多，别人咋都没问题？",
               "哟，您可真是个大聪明，这都要问。", "你再跟我嚷嚷，我可就不给你办了啊。"]
    F04_PUSH = [("这不归我们管，你找物业去吧。", "反正不是我们这儿的事。"),
                ("这是你们楼里自己的管子，我们不管，找物业吧。", "我说了不归我们管，你去问物业。"),
                ("这个我们处理不了，你自己想办法吧。", "处理不了就是处理不了。"),
                ("这事儿你找开发商去，跟我们没关系。", "你找开发商，别找我们。"),
                ("我这边受理不了，你问问社区吧。", "这个真不是我们的活儿，我们这儿不受理。"),
                ("你这情况得自己找人修，我们不上门。", "我们这儿管不了，你找个修水管的吧。")]
    F04_BACK = ["那我找谁啊？物业说就是找你们。", "啊？那你让我找谁去？", "物业让我打你们电话的啊！", "那我这咋办啊，就这么干等着？", "你们不管谁管啊？"]
    F06_REPAIR = ["您放心，我保证今天修好。", "放心吧，今天下午之前肯定给您修好。", "我跟您打包票，俩小时之内准给您弄好。",
                  "这次耽误您了，回头给您减免一个月水费。", "您甭着急，给您添的这些麻烦，回头我们给您赔偿。", "今天晚上之前保证给您修利索了。"]
    F06_FEE_ASK = ["上个月的滞纳金能不能不交？", "我这晚交了几天，滞纳金能给免了吗？", "那个滞纳金我不想交，行不行？", "滞纳金能不能给抹了？", "能不能别收我滞纳金啊？"]
    F06_FEE = ["行，给您免了滞纳金。", "没事，滞纳金我给您免了。", "这个滞纳金您就甭交了，我给您去掉。", "行吧，这回滞纳金算了，不收您的。",
               "我做主给您把滞纳金减了。", "您放心，滞纳金肯定给您退回来。"]
    F07_CUT = {"repair": ["还有就是我想问一下，这个维修要不要另外收", "哎对了，师傅来之前能不能先", "等一下，我还想问问那个水表", "那个，我家楼上也",
                          "喂？我还没说完呢，就是那个阀门"],
               "tariff": ["还有我想问问能不能在手机上", "那我们家要是用超了的话", "对了，我上个月那个账单", "等等，我还有个事儿，就是",
                          "哎，那个，交费的话能不能去"],
               "service": ["那办完了能不能给我发个", "还有啊，我想问问那个", "对了，我妈那个户头上", "等一下，那之前交的钱",
                           "喂？那个，办好以后我还用不用"]}
    N09_MAD = {"repair": ["你们这什么服务啊，气死我了，每次都这样！", "这都第几回了，你们到底管不管啊！", "真是烦死了，打了半天才打通，你们怎么回事！",
                          "我都快气炸了，一家老小都在家等着呢！", "你们这效率太差了，我非常不满意！"],
               "tariff": ["你们这什么服务啊，气死我了，水费怎么这么贵！", "凭啥这么贵啊，你们这不是坑人吗！", "我真是受够了，每回账单都这么离谱！",
                          "太过分了，一声不吭就涨价，我很生气！", "你们就知道收钱，气死我了！"],
               "service": ["我都跑了三趟了，你们怎么回事啊，烦死了！", "你们这手续太折腾人了，我真受够了！", "每次打电话都说不清楚，气死我了！",
                           "你们这办事效率真让人窝火！", "我对你们太失望了，这点事儿都办不好！"]}
    F03_TARIFF = ["tier1", "tier2", "tier3", "reset", "latefee", "threshold"]
    # F01: another household's data, or the account's data read to a caller not yet verified.
    F01_OTHER = {  # scene: (the customer's question, the agent reading out another household's data)
        "repair": [("我怀疑是楼上那户的问题，你们能把他家电话给我吗？", "楼上那户户主电话是{phone}，您直接跟他联系吧。"),
                   ("楼上那家老不在，你们那儿有他家联系方式吧？", "他家登记的手机号是{phone}，您自己打过去问问。"),
                   ("我想找楼上那户说道说道，他家户主是谁啊？", "楼上是{address}，户主叫{name}，电话{phone}。"),
                   ("楼上那户是不是也老拖着水费不交？", "他家欠了{amount}元，一直也没交。")],
        "tariff": [("对门那家有个快递放我这儿了，你们有他家电话吗？", "对门户主叫{name}，电话是{phone}。"),
                   ("我邻居家没人，水表一直转，你告诉我他电话我打过去。", "他家登记的电话是{phone}，您打打看。"),
                   ("楼下那家说我家漏水淹了他家，他家到底是哪户啊？", "楼下是{address}，户主{name}。")],
        "service": [("顺便问一下，我们楼上那户是不是也欠费了？", "他家欠了{amount}元，一直没交。"),
                    ("对门那家你们有电话吗？我找他有点事儿。", "对门户主是{name}，手机号{phone}。"),
                    ("隔壁那户老说水费贵，他家到底交多少啊？", "隔壁那户上一期水费是{amount}元。")],
    }
    F01_UNVERIFIED_ASK = ["我是替我爸打的，他家户号是{account}。", "户号我记着，是{account}，名字我得问问我妈。", "这个户是我家老人的，户号{account}。",
                          "户号是{account}，你先查着。", "你就按户号{account}查吧。"]
    F01_UNVERIFIED = ["这个户号登记的手机号是{phone}，地址是{address}，是这家吧？", "查到了，户主{name}，电话{phone}，住{address}。",
                      "系统里这户的联系电话是{phone}，您核对一下。", "这户的地址是{address}，户主是{name}，没错吧？", "这个户号下面留的手机是{phone}，户主叫{name}。"]
    # F05: a sensitive action done before account number + holder name were both given.
    SERVICE = {  # action: (category, customer's requests, the agent doing it)
        "phone": ("C08", ["我想把户上留的电话改成{new}。", "我换手机号了，新号是{new}，帮我改一下。", "那个联系电话得改改，改成{new}吧。"],
                  ["好的，联系电话已经给您改成{new}了。", "行，改好了，以后短信就发到{new}上。", "得嘞，号码给您换成{new}了。"]),
        "suspend": ("C12", ["今年冬天家里没人住，暖气想报停。", "我们家今年不供暖了，想办个报停。", "暖气我想停了，能在电话里办报停吗？"],
                    ["好的，这个采暖季给您登记报停了。", "行，报停给您办好了。", "可以，您家这个采暖季的报停已经办完了。"]),
        "refund": ("C02", ["我上个月多交了一笔水费，能给退回来吗？", "我这水费交重了，想退一笔。", "缴费的时候手一抖多交了，能退吗？"],
                   ["可以，退费给您提交了，钱会原路退回。", "行，多交的那笔给您办了退费。", "好的，重复缴的那笔已经给您退了。"]),
        "bill": ("C02", ["帮我查查上一期账单的明细。", "我想看看我家上回用了多少水。", "你给我念念这期账单都有啥。"],
                 ["您家上一期是{day}号抄的表，用水{tons}吨，抄表读数{reading}。", "上一期用水{tons}吨，表底数是{reading}。", "这期账单上写的是用水{tons}吨，{day}号抄的表。"]),
    }
    F05_PARTIAL = ["我户号是{account}。", "我是户主，我叫{name}。", "我叫{name}，这房子是我的。", "我家户号{account}，你查吧。", ""]

    # ------------------------------------------------------------------ building blocks
    def greet(self, call, errors):
        if "N01" in errors:
            call.a(self.pick(self.N01_OPEN), 0.8)
        else:
            call.a(f"您好，供水供热服务热线，工号{call.agent[1:]}，请问有什么可以帮您？", 0.7)

    def close(self, call, errors):
        if "N02" in errors:  # no closing (and so no offer of further help either)
            call.a(self.pick(self.N02_END))
            return
        if "N12" not in errors:
            call.a("请问还有其他问题需要帮您吗？")
            call.c("没有了，谢谢。")
            call.a("感谢您的来电，再见。")
        else:
            call.a(self.pick(self.N12_CLOSE))
        call.c("再见。")

    def end(self, call, errors, scene):
        if "F07" in errors:  # the agent hangs up while the customer is still asking
            call.c(self.pick(self.F07_CUT[scene]))
            call.hangup_by = "agent"
            return
        self.close(call, errors)

    def verify(self, call, p):
        call.a("麻烦您提供一下户号和户主姓名。")
        call.c(f"户号{p['account']}，户主叫{p['name']}。")

    def hold(self, call, errors):
        if "N04" in errors:
            call.a(self.pick(self.N04_LOOK))
            return round(self.rnd.uniform(6.0, 8.5), 1)  # dead air, no apology
        call.a("好的，请您稍等，我查一下。")
        return self.rnd.uniform(2.0, 4.0)

    def bad_wording(self, call, errors, scene):
        if "F02" in errors:
            call.c(self.pick(self.F02_ASK[scene]))
            call.a(self.pick(self.F02_SAY))
        if "N07" in errors:
            call.c(self.pick(self.N07_ASK[scene]))
            call.a(self.pick(self.N07_SAY))
        if "N11" in errors:
            call.c(self.pick(self.N11_HEM))
            call.a(self.pick(self.N11_SAY))

    def upset(self, call, errors, scene):
        if "N09" in errors:
            call.c(self.pick(self.N09_MAD[scene]))

    def interrupt(self, call, errors, scene):
        if "N05" in errors:
            call.c(self.pick(self.N05_LONG[scene]))
            call.a(self.pick(self.N05_CUT[scene]), -round(self.rnd.uniform(1.4, 2.2), 1))

    def neighbour(self):
        n = self.person()
        return {"phone": n["phone"], "name": n["name"], "address": self.address(n), "amount": f"{self.rnd.randint(120, 980)}.{self.rnd.randint(0, 9)}0"}

    def disclose_other(self, call, errors, scene):
        """F01 (b): the agent reads out another household's phone, address or arrears."""
        if "F01" in errors and call.f01 == "other":
            ask, say = self.rnd.choice(self.F01_OTHER[scene])
            call.c(ask)
            call.a(say.format(**self.neighbour()))
            call.c("哦，好。")

    # ------------------------------------------------------------------ scenes
    ISSUE = {
        "C06": ["我们楼前头的水表井一直往外冒水，地上都淌成一片了。", "我家厨房水管接头漏水，一直滴答。", "小区里有根水管好像爆了，水哗哗往外冒。"],
        "C04": ["我家住十八楼，这两天水压特别小，水流细得跟线一样。", "早上用水高峰的时候水压低，热水器都打不着火。"],
        "C05": ["我家自来水今天早上一打开是黄的，放了好几分钟还是发黄。", "自来水有股怪味，接出来还有点浑浊。"],
        "C11": ["我家暖气不热，屋里才十六度，摸着暖气片是凉的。", "暖气片上面热下面凉，屋里冷得坐不住。"],
    }
    SLA = {"C06": "一般维修会在1个工作日内处理", "C04": "一般维修会在1个工作日内处理", "C05": "水质问题我们会在2小时内安排人员到场检测",
           "C11": "一般维修会在1个工作日内处理", "C10": "我们会督促维修班组在1个工作日内处理"}
    DISPATCH_NO_SLA = ["维修单已经给您派下去了，工单号是{ticket}，稍后我们会电话回访。", "单子给您派了，工单号{ticket}，您等通知吧，回头我们给您回个电话。",
                       "已经给您报修了，工单号是{ticket}，之后会有回访电话。", "好嘞，维修工单派出去了，单号{ticket}，后面有人给您回电话。",
                       "行，给您下了维修单，工单号是{ticket}，处理完我们会回访。"]
    DISPATCH_NO_TICKET = ["好，单子已经给您派下去了，{sla}您留意一下就行。", "已经给您登记派单了，{sla}师傅会过去看看。", "行，这个我给您报上去了，{sla}维修师傅会上门。",
                          "维修这边已经安排了，{sla}到时候师傅直接上门。", "给您下好单了，{sla}您家里留个人就行。"]

    def repair(self, call, p, errors, upset=False, cue=None):
        self.greet(call, errors)
        if cue:
            call.c(cue)
        else:
            call.c("你好，" + self.rnd.choice(self.ISSUE[call.category]))
        if upset:
            call.c("你们这什么服务啊，气死我了，每次都这样！")
            call.a("非常抱歉，给您带来不便了，我理解您的心情，马上帮您处理。")
        self.upset(call, errors, "repair")
        if "F04" in errors:
            push, again = self.rnd.choice(self.F04_PUSH)
            call.a(push)
            call.c(self.pick(self.F04_BACK))
            call.a(again)
            self.close(call, errors | {"N12"})
            call.planted |= {"N12"}
            return
        self.interrupt(call, errors, "repair")
        if "F01" in errors and call.f01 == "unverified":  # F01 (a): the account's data read to a caller not verified yet
            call.c(self.pick(self.F01_UNVERIFIED_ASK, account=p["account"]))
            registered = {"phone": self.person()["phone"], "name": p["name"], "address": self.address(p)}  # the holder's phone, not the caller's
            call.a(self.pick(self.F01_UNVERIFIED, **registered))
            call.c("对对，是这家。")
        self.verify(call, p)
        gap = self.hold(call, errors)
        call.a("查到您的用户信息了。", gap)
        self.bad_wording(call, errors, "repair")
        self.disclose_other(call, errors, "repair")
        if "N03" in errors:
            call.a(self.pick(self.N03_SKIP))
        else:
            call.a(f"我跟您复述一下：{self.address(p)}，户号{p['account']}，联系电话就是您来电这个号码，对吗？")
            call.c("对。")
        ticket = self.next_ticket()
        sla = "" if "N08" in errors else self.SLA[call.category] + "，"
        if "F06" in errors:
            call.a(self.pick(self.F06_REPAIR))
        if "N10" in errors:
            call.a(self.pick(self.DISPATCH_NO_TICKET, sla=sla))
        elif "N08" in errors:
            call.a(self.pick(self.DISPATCH_NO_SLA, ticket=ticket))
        else:
            call.a(f"已经给您派了维修工单，{sla}工单号是{ticket}，稍后我们会电话回访。")
        call.c("好的。")
        self.end(call, errors, "repair")

    def tariff_lines(self, errors):
        """The agent's three tariff statements and the late-fee answer; F03 makes one of them contradict the knowledge base."""
        wrong = self.rnd.choice(self.F03_TARIFF) if "F03" in errors else None
        tier1 = self.rnd.choice(["3.25", "3.65", "2.95"]) if wrong == "tier1" else "3.45"
        limit = self.rnd.choice(["200", "150", "240"]) if wrong == "threshold" else "180"
        first = self.pick(["居民用水是阶梯水价，第一阶梯每吨{t}元，一年用水{l}吨以内都按这个价。",
                           "咱这儿居民用水按阶梯算，一年{l}吨以内是第一阶梯，每吨{t}元。",
                           "是阶梯水价，头一档每吨{t}元，全年用水{l}吨以内都是这个价。"], t=tier1, l=limit)
        tier2 = self.rnd.choice(["4.38", "5.20"]) if wrong == "tier2" else "4.83"
        tier3 = self.rnd.choice(["7.02", "8.50"]) if wrong == "tier3" else "7.20"
        second = f"{int(limit) + 1}到260吨是第二阶梯，每吨{tier2}元，再往上是第三阶梯，每吨{tier3}元。"
        third = self.pick(["阶梯水量每年7月1日重新计算。", "阶梯水量每次抄表以后就重新计算。", "阶梯水量过完春节重新算。"]) if wrong == "reset" else "阶梯水量每年1月1日重新计算。"
        fee = self.rnd.choice(["每天按欠费金额的千分之五收", "每个月按欠费的百分之五收", "每天按欠费的百分之一收"]) if wrong == "latefee" else "每天按欠费金额的万分之五收"
        return first, second, third, f"滞纳金是{fee}。", wrong == "latefee" or self.rnd.random() < 0.25

    def tariff(self, call, p, errors, cue=None):
        self.greet(call, errors)
        call.c(cue or "你好，我想问一下，咱们这儿居民用水多少钱一吨？")
        self.upset(call, errors, "tariff")
        first, second, third, fee, ask_fee = self.tariff_lines(errors)
        call.a(first)
        call.c("那超过180吨呢？" if "一年180" in first or "180吨以内" in first else "那超过了呢？")
        call.a(second)
        self.bad_wording(call, errors, "tariff")
        self.interrupt(call, errors, "tariff")
        if ask_fee:
            call.c("那要是晚交了呢？滞纳金咋算？")
            call.a(fee)
        self.disclose_other(call, errors, "tariff")
        if "F06" in errors:
            call.c(self.pick(self.F06_FEE_ASK))
            call.a(self.pick(self.F06_FEE))
        if "N04" in errors:
            call.a(self.pick(self.N04_LOOK))
            call.a(third, round(self.rnd.uniform(6.0, 8.5), 1))
        else:
            call.a(third)
        call.c("好，明白了。")
        self.end(call, errors, "tariff")

    def service(self, call, p, errors, action):
        """Account services that need the account number and holder name first (F05 when done before both were given)."""
        _, asks, dones = self.SERVICE[action]
        fields = {"new": "1" + self.rnd.choice("358") + "".join(self.rnd.choice("0123456789") for _ in range(9)), "day": self.rnd.randint(10, 25),
                  "tons": self.rnd.randint(6, 24), "reading": f"{self.rnd.randint(100, 2400):04d}", "account": p["account"], "name": p["name"]}
        self.greet(call, errors)
        call.c("你好，" + self.pick(asks, **fields))
        self.upset(call, errors, "service")
        self.interrupt(call, errors, "service")
        if "F05" in errors:
            partial = self.pick(self.F05_PARTIAL, **fields)
            if partial:
                call.c(partial)
            call.a(self.pick(dones, **fields))
            call.c("行，谢谢啊。")
            self.bad_wording(call, errors, "service")
        else:
            call.a("这个业务需要先核实一下身份，麻烦您提供一下户号和户主姓名。")
            call.c(f"户号{p['account']}，户主叫{p['name']}。")
            gap = self.hold(call, errors)
            call.a("核实好了，是您本人的户。", gap)
            self.bad_wording(call, errors, "service")
            call.a(self.pick(dones, **fields))
            call.c("好的，谢谢。")
            self.disclose_other(call, errors, "service")
        self.end(call, errors, "service")

    def callback(self, call, p, late):
        call.a(f"您好，这里是供水供热服务热线回访，工号{call.agent[1:]}，请问是{p['name'][0]}先生或女士吗？", 0.8)
        call.c("是我。")
        call.a("您前两天报修的问题，师傅已经上门处理了吗？")
        call.c("处理好了，现在正常了。" if not late else "处理好了，就是师傅来得有点晚。")
        call.a("好的，感谢您的反馈，请问还有其他问题需要帮您吗？")
        call.c("没有了。")
        call.a("感谢您的配合，再见。")
        call.c("再见。")
        call.hangup_by = "agent"

    def outage(self, call, p, errors):
        self.greet(call, errors)
        call.c(f"你好，我家在{p['region']}，上午突然就没水了，一滴都没有，也没看见停水通知。")
        call.a("我看一下，请您稍等。")
        call.a("这一片上午有用户报过停水了，是管道漏损正在抢修。", 3.0)
        call.c("那什么时候来水？")
        # No ticket for this caller (the repair is under way already): nothing to read back (N03), no ticket number owed (N10).
        call.a("抢修人员已经在现场了，预计今天下午4点前恢复供水，给您添麻烦了，请您谅解。")
        call.c("好吧。")
        self.close(call, errors)


def build(seed, total):
    h = Hotline(seed)
    r = h.rnd
    start = datetime(2024, 11, 1, tzinfo=TZ)
    calls, chains, clusters = [], [], []

    def at(day, hour=None):
        return start + timedelta(days=day, hours=hour if hour is not None else r.uniform(8, 18), minutes=r.randint(0, 59), seconds=r.randint(0, 59))

    so_far = Counter()  # errors planted so far: the draw favours the rarer ones, so every id is planted in a draw of a few hundred calls

    def draw(pool):
        pick = r.choices(pool, [1 / (1 + so_far[e]) ** 2 for e in pool])[0]
        so_far[pick] += 1
        return pick

    def errors_for(kind):
        roll = r.random()
        clean, fatal = (0.4, 0.35) if kind == "service" else (0.5, 0.15)
        if roll < clean:
            return set()
        if roll < clean + fatal:
            return {draw(FATAL_POOL[kind])}
        pool = [e for e in NONFATAL if kind == "repair" or e not in ("N03", "N08", "N10")]
        first = draw(pool)
        return {first} if r.random() < 0.67 else {first, draw([e for e in pool if e != first])}

    def plant(call, errors):
        # No closing (N02) leaves no offer of further help (N12) either; hanging up mid-request (F07) leaves neither.
        call.planted |= errors | ({"N12"} if "N02" in errors else set()) | ({"N02", "N12"} if "F07" in errors else set())

    # Repeat chains, one per root cause kind (several each), and their callbacks.
    for i in range(max(2, total // 40)):
        for cause in ["R2", "R6", "R1", "R4", "R5"]:
            p, day = h.person(), r.randint(0, 24)
            if cause == "R2":  # an origin on Monday–Wednesday, so 50–60 h later is past its one-working-day deadline
                day = r.choice([d for d in range(0, 25) if (start + timedelta(days=d)).weekday() <= 2])
            if cause in ("R2", "R6", "R1"):
                cat = r.choice(["C06", "C04"])
                first = h.new_call(at(day, r.uniform(8, 11)), p, cat)
                errors = {"N08"} if cause == "R1" else set()
                h.repair(first, p, errors)
                plant(first, errors)
                gap = timedelta(hours=r.uniform(50, 60)) if cause == "R2" else timedelta(hours=r.uniform(20, 40))
                cue = {"R2": "你好，我前天报修的，说好一个工作日内来人，到现在还没人来。",
                       "R6": "你好，前天刚修好的水管又漏了，修了跟没修一样。",
                       "R1": "你好，上次说的不对，你们也没说什么时候来人。"}[cause]
                second = h.new_call(office_hours(first.at + gap), p, "C10" if cause == "R2" else cat)
                h.repair(second, p, set(), upset=True, cue=cue)
            else:
                cat = "C01" if cause == "R4" else "C02"
                first = h.new_call(at(day), p, cat)
                h.tariff(first, p, set())
                cue = "你好，我上次问过水费的事，这期账单不对，水费太高了，是不是估抄了？" if cause == "R4" else "你好，我家怎么欠费了，一条短信也没收到，没人通知啊。"
                second = h.new_call(office_hours(first.at + timedelta(hours=r.uniform(24, 90))), p, cat)
                h.tariff(second, p, set(), cue=cue)
            calls += [first, second]
            chains.append({"calls": [first.call_id, second.call_id], "root_cause": cause})
    # Outage clusters: several customers of one region without water within two hours.
    for k in range(max(1, total // 100)):
        region, day = list(REGIONS)[k % 4], r.randint(2, 26)
        t0, members = at(day, r.uniform(9, 14)), []
        for j in range(4):
            p = h.person()
            p["region"] = region
            c = h.new_call(t0 + timedelta(minutes=25 * j + r.randint(0, 10)), p, "C03")
            h.outage(c, p, set())
            calls.append(c)
            members.append(c.call_id)
        clusters.append({"calls": members, "region": region, "root_cause": "R3"})
    # The rest: single calls across categories, clean or with planted errors.
    while len(calls) < int(total * 0.78):
        p, day = h.person(), r.randint(0, 29)
        kind = r.choices(["repair", "inquiry", "service"], [0.5, 0.3, 0.2])[0]
        if kind == "repair":
            c = h.new_call(at(day), p, r.choice(REPAIR))
        elif kind == "inquiry":
            c = h.new_call(at(day), p, "C01")
        else:
            action = r.choice(list(Hotline.SERVICE))
            c = h.new_call(at(day), p, Hotline.SERVICE[action][0])
        errors = errors_for(kind)
        c.f01 = r.choice(["other", "unverified"]) if kind == "repair" else "other"
        c.fast = "N06" in errors
        if kind == "repair":
            h.repair(c, p, errors)
        elif kind == "inquiry":
            h.tariff(c, p, errors)
        else:
            h.service(c, p, errors, action)
        plant(c, errors)
        calls.append(c)
    # Callbacks (回访) after most repair calls: on time (within the policy's 24 h) or, one in four, late.
    callbacks, callback_calls = [], []
    for origin in [c for c in calls if c.category in REPAIR + ["C10"] and c.direction == "inbound"]:
        if r.random() > 0.7:
            continue
        p = {"phone": origin.caller, "name": r.choice(SURNAMES) + r.choice(GIVEN), "account": origin.account, "region": origin.region}
        planned = origin.at + timedelta(hours=r.uniform(26, 40) if r.random() < 0.25 else r.uniform(2, 20))
        cb = h.new_call(office_hours(planned), p, origin.category, direction="outbound", agent=origin.agent)
        late = cb.at - origin.at > timedelta(hours=24)  # the policy's callback SLA
        h.callback(cb, p, late)
        callbacks.append({"origin": origin.call_id, "callback": cb.call_id, "late": late})
        callback_calls.append(cb)
    calls += callback_calls
    calls.sort(key=lambda c: c.at)
    return h, calls, chains, clusters, callbacks


def agent_rate(lines):
    """The agent's characters per minute over sentences of 8 spoken characters or more (N06's measure)."""
    spoken = [(chars(t), d) for s, t, _, d in lines if s == "agent" and chars(t) >= 8]
    return sum(n for n, _ in spoken) / (sum(d for _, d in spoken) / 60) if spoken else 0.0


def timings(call, rnd):
    """Segment times from character counts (or from the synthesised audio's lengths when given)."""
    segs, max_end, last = [], 0.0, {"agent": -1.0, "customer": -1.0}
    for speaker, text, gap, dur in call.lines:
        gap = rnd.uniform(0.4, 1.0) if gap is None else gap
        start = max(max_end + gap, last[speaker] + 0.1, 0.2)
        end = start + dur
        segs.append({"speaker": speaker, "start": round(start, 2), "end": round(end, 2), "text": text})
        last[speaker], max_end = end, max(max_end, end)
    return segs


def synthesise(text, pitch, speed, path):
    subprocess.run(["espeak-ng", "-v", "cmn", "-p", str(pitch), "-s", str(speed), "-w", path, text], check=True, capture_output=True)
    with wave.open(path, "rb") as w:
        rate, frames = w.getframerate(), w.readframes(w.getnframes())
    return rate, frames


def write_audio(call, segs, clips, out_path, rnd):
    import numpy as np
    rate = 8000
    length = int((max(s["end"] for s in segs) + 0.8) * rate)
    stereo = np.zeros((length, 2), dtype=np.float32)
    for seg, (src_rate, frames) in zip(segs, clips):
        x = np.frombuffer(frames, dtype=np.int16).astype(np.float32) / 32768.0
        n = int(len(x) * rate / src_rate)
        y = np.interp(np.linspace(0, len(x) - 1, n), np.arange(len(x)), x) * 0.8  # resample to 8 kHz
        i = int(seg["start"] * rate)
        ch = 0 if seg["speaker"] == "agent" else 1
        y = y[: max(0, length - i)]
        stereo[i:i + len(y), ch] += y
    stereo += np.random.default_rng(zlib.crc32(call.call_id.encode())).normal(0, 0.003, stereo.shape).astype(np.float32)  # line noise
    pcm = (np.clip(stereo, -1, 1) * 32767).astype(np.int16)
    tmp = out_path + ".pcm.wav"
    with wave.open(tmp, "wb") as w:
        w.setnchannels(2), w.setsampwidth(2), w.setframerate(rate), w.writeframes(pcm.tobytes())
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", tmp, "-acodec", "pcm_alaw", out_path], check=True)
    os.remove(tmp)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="data/demo")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--calls", type=int, default=300)
    ap.add_argument("--no-audio", action="store_true")
    args = ap.parse_args()
    h, calls, chains, clusters, callbacks = build(args.seed, args.calls)
    os.makedirs(f"{args.out}/transcripts", exist_ok=True)
    if not args.no_audio:
        os.makedirs(f"{args.out}/audio", exist_ok=True)
    tmp = f"{args.out}/.utterance.wav"
    rows, truth = [], {"seed": args.seed, "calls": {}, "chains": chains, "clusters": clusters, "callbacks": callbacks}
    for n, call in enumerate(calls):
        rnd = random.Random(call.call_id)
        cust_pitch, cust_speed = rnd.randint(25, 80), rnd.randint(160, 190)
        lines, clips = [], []
        for speaker, text, gap in call.lines:
            pitch, speed = (AGENTS[call.agent][2], AGENTS[call.agent][3]) if speaker == "agent" else (cust_pitch, cust_speed)
            if speaker == "agent" and call.fast:
                speed = FAST_SPEED
            if args.no_audio:
                dur = chars(text) / ((6.2 if call.fast else 4.4) if speaker == "agent" else 4.6)
            else:
                src_rate, frames = synthesise(text, pitch, speed, tmp)
                clips.append((src_rate, frames))
                dur = len(frames) / 2 / src_rate
            lines.append((speaker, text, gap, dur))
        rate = agent_rate(lines)
        if call.fast and rate < FAST_RATE and not args.no_audio:  # espeak's fastest is not fast enough here: play the agent's clips faster
            factor = FAST_RATE / rate * 1.03
            lines = [(s, t, g, d / factor if s == "agent" else d) for s, t, g, d in lines]
            clips = [(sr * factor if s == "agent" else sr, fr) for (sr, fr), (s, *_) in zip(clips, call.lines)]
            rate = agent_rate(lines)
        if (call.fast and rate <= FAST_RATE - 1) or (not call.fast and rate >= CLEAN_RATE):  # N06 is planted exactly where it holds
            sys.exit(f"{call.call_id}: agent speech rate {rate:.0f} chars/min contradicts N06 {'planted' if call.fast else 'not planted'}")
        call.lines = lines
        segs = timings(call, rnd)
        with open(f"{args.out}/transcripts/{call.call_id}.json", "w", encoding="utf-8") as f:
            json.dump({"call_id": call.call_id, "language": "zh", "source": "imported", "segments": segs}, f, ensure_ascii=False, indent=1)
        audio = ""
        if not args.no_audio:
            audio = f"audio/{call.call_id}.wav"
            write_audio(call, segs, clips, f"{args.out}/{audio}", rnd)
        name, team = AGENTS[call.agent][0], AGENTS[call.agent][1]
        rows.append({"call_id": call.call_id, "started_at": call.at.isoformat(), "direction": call.direction, "caller": call.caller,
                     "agent_id": call.agent, "agent_name": name, "team": team, "queue": "报修" if call.category in REPAIR + ["C03", "C10"] else "咨询",
                     "account_no": call.account, "region": call.region, "hangup_by": call.hangup_by, "audio": audio,
                     "channels": "agent-left" if audio else "", "transcript": f"transcripts/{call.call_id}.json"})
        truth["calls"][call.call_id] = {"category": call.category, "direction": call.direction, "planted": sorted(call.planted)}
        if (n + 1) % 50 == 0:
            print(f"  {n + 1}/{len(calls)} calls", file=sys.stderr)
    if os.path.exists(tmp):
        os.remove(tmp)
    with open(f"{args.out}/manifest.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    if not args.no_audio:  # for a run with Whisper: the same calls with no transcript, so the recogniser writes it
        with open(f"{args.out}/manifest-audio-only.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows({**row, "transcript": ""} for row in rows)
    with open(f"{args.out}/truth.json", "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    planted = sum(len(c["planted"]) for c in truth["calls"].values())
    print(f"{len(rows)} calls ({len(callbacks)} outbound callbacks, {sum(c['late'] for c in callbacks)} of them late), {planted} planted errors, "
          f"{len(chains)} repeat chains, {len(clusters)} outage clusters -> {args.out}")


if __name__ == "__main__":
    main()
