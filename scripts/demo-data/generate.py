# Synthetic hotline data set for the demo (#10): a month of calls of a water/heating hotline, deterministic by seed.
#   python3 scripts/demo-data/generate.py --out data/demo [--seed 7] [--calls 300] [--no-audio]
# Writes manifest.csv (and manifest-audio-only.csv, for Whisper), transcripts/<id>.json (the scripts, as reference transcripts), audio/<id>.wav (stereo 8 kHz A-law,
# agent left, customer right; espeak-ng cmn voices, one pitch/speed per person, gaps, silences, overlaps, light noise)
# and truth.json: per call the planted rule ids, the category, and the repeat chains / outage clusters with root causes.
import argparse, csv, json, os, random, subprocess, sys, unicodedata, wave
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
# Planted errors and what the generator does for each (see ../shared/domain/qa-taxonomy.md).
NONFATAL = ["N01", "N02", "N03", "N04", "N05", "N07", "N08", "N09", "N10", "N11", "N12"]
FATAL = ["F02", "F03", "F04", "F06", "F07"]
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

    # ------------------------------------------------------------------ building blocks
    def greet(self, call, errors):
        if "N01" in errors:
            call.a("请讲。", 0.8)
        else:
            call.a(f"您好，供水供热服务热线，工号{call.agent[1:]}，请问有什么可以帮您？", 0.7)

    def close(self, call, errors):
        if "N02" in errors:  # no closing (and so no offer of further help either)
            call.a("嗯，就这样。")
            return
        if "N12" not in errors:
            call.a("请问还有其他问题需要帮您吗？")
            call.c("没有了，谢谢。")
        call.a("感谢您的来电，再见。")
        call.c("再见。")

    def end(self, call, errors, unfinished):
        if "F07" in errors:  # the agent hangs up while the customer is still asking
            call.c(unfinished)
            call.hangup_by = "agent"
            return
        self.close(call, errors)

    def verify(self, call, p):
        call.a("麻烦您提供一下户号和户主姓名。")
        call.c(f"户号{p['account']}，户主叫{p['name']}。")

    def hold(self, call, errors):
        if "N04" in errors:
            call.a("我看一下。")
            return 6.5  # dead air, no apology
        call.a("好的，请您稍等，我查一下。")
        return self.rnd.uniform(2.0, 4.0)

    WORDING = {  # error: (customer's line per scene, the agent's planted answer)
        "F02": ({"repair": "你们能不能快点啊？", "tariff": "这么复杂，我没听明白。"}, "你懂不懂啊，这都不明白。"),
        "N07": ({"repair": "那到底怎么办？", "tariff": "那我到底交多少？"}, "你听我说，这个得按规定来。"),
        "N11": ({"repair": "我想想啊，就是那个……", "tariff": "我想想啊，就是那个……"}, "你到底要办什么？"),
    }

    def bad_wording(self, call, errors, scene):
        for error, (customer, agent) in self.WORDING.items():
            if error in errors:
                call.c(customer[scene])
                call.a(agent)

    # ------------------------------------------------------------------ scenes
    ISSUE = {
        "C06": ["我们楼前头的水表井一直往外冒水，地上都淌成一片了。", "我家厨房水管接头漏水，一直滴答。", "小区里有根水管好像爆了，水哗哗往外冒。"],
        "C04": ["我家住十八楼，这两天水压特别小，水流细得跟线一样。", "早上用水高峰的时候水压低，热水器都打不着火。"],
        "C05": ["我家自来水今天早上一打开是黄的，放了好几分钟还是发黄。", "自来水有股怪味，接出来还有点浑浊。"],
        "C11": ["我家暖气不热，屋里才十六度，摸着暖气片是凉的。", "暖气片上面热下面凉，屋里冷得坐不住。"],
    }
    SLA = {"C06": "一般维修会在1个工作日内处理", "C04": "一般维修会在1个工作日内处理", "C05": "水质问题我们会在2小时内安排人员到场检测",
           "C11": "一般维修会在1个工作日内处理", "C10": "我们会督促维修班组在1个工作日内处理"}

    def repair(self, call, p, errors, upset=False, cue=None):
        self.greet(call, errors)
        if cue:
            call.c(cue)
        else:
            call.c("你好，" + self.rnd.choice(self.ISSUE[call.category]))
        if upset or "N09" in errors:
            call.c("你们这什么服务啊，气死我了，每次都这样！")
            if "N09" not in errors:
                call.a("非常抱歉，给您带来不便了，我理解您的心情，马上帮您处理。")
        if "F04" in errors:
            call.a("这不归我们管，你找物业去吧。")
            call.c("那我找谁啊？物业说就是找你们。")
            call.a("反正不是我们这儿的事。")
            self.close(call, errors | {"N12"})
            call.planted |= {"N12"}
            return
        if "N05" in errors:
            call.c("就是从昨天晚上开始的，我一直在家等着，到现在都没弄明白是怎么回事，邻居家也是这样。")
            call.a("好的好的，我们这边先登记。", -1.6)
        self.verify(call, p)
        gap = self.hold(call, errors)
        call.a("查到您的用户信息了。", gap)
        self.bad_wording(call, errors, "repair")
        if "N03" not in errors:
            call.a(f"我跟您复述一下：{self.address(p)}，户号{p['account']}，联系电话就是您来电这个号码，对吗？")
            call.c("对。")
        ticket = self.next_ticket()
        sla = "" if "N08" in errors else self.SLA[call.category] + "，"
        if "F06" in errors:
            call.a("您放心，我保证今天修好。")
        if "N10" in errors:
            call.a(f"已经给您派单了，{sla}师傅上门前会先给您打电话。")
        else:
            call.a(f"已经给您派了维修工单，{sla}工单号是{ticket}，稍后我们会电话回访。")
        call.c("好的。")
        self.end(call, errors, "还有就是我想问一下，这个维修要不要另外收")

    def tariff(self, call, p, errors, cue=None):
        self.greet(call, errors)
        call.c(cue or "你好，我想问一下，咱们这儿居民用水多少钱一吨？")
        if "N09" in errors:
            call.c("你们这什么服务啊，气死我了，水费怎么这么贵！")
        tier1 = "3.25" if "F03" in errors else "3.45"
        call.a(f"居民用水是阶梯水价，第一阶梯每吨{tier1}元，一年用水180吨以内都按这个价。")
        call.c("那超过180吨呢？")
        call.a("181到260吨是第二阶梯，每吨4.83元，再往上是第三阶梯，每吨7.20元。")
        self.bad_wording(call, errors, "tariff")
        if "N05" in errors:
            call.c("我家一般一个月也就用十来吨水，一年下来应该到不了一百八十吨吧，我就想知道大概交多少钱。")
            call.a("一年180吨以内都是第一阶梯。", -1.6)
        if "F06" in errors:
            call.c("上个月的滞纳金能不能不交？")
            call.a("行，给您免了滞纳金。")
        if "N04" in errors:
            call.a("我看一下。")
            call.a("阶梯水量每年1月1日重新计算。", 6.5)
        else:
            call.a("阶梯水量每年1月1日重新计算。")
        call.c("好，明白了。")
        self.end(call, errors, "还有我想问问能不能在手机上")

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
        call.a(f"抢修人员已经在现场了，我把您的电话登记上，恢复供水第一时间给您回电，工单号是{self.next_ticket()}，请您谅解。")
        call.c("好吧。")
        self.close(call, errors)


def build(seed, total):
    h = Hotline(seed)
    r = h.rnd
    start = datetime(2024, 11, 1, tzinfo=TZ)
    calls, chains, clusters = [], [], []

    def at(day, hour=None):
        return start + timedelta(days=day, hours=hour if hour is not None else r.uniform(8, 18), minutes=r.randint(0, 59), seconds=r.randint(0, 59))

    def errors_for(kind):
        roll = r.random()
        if roll < 0.5:
            return set()
        if roll < 0.62:
            pool = [e for e in FATAL if kind == "repair" or e != "F04"]
            pool = [e for e in pool if kind == "inquiry" or e != "F03"]
            return {r.choice(pool)}
        pool = [e for e in NONFATAL if kind == "repair" or e not in ("N03", "N08", "N10")]
        return set(r.sample(pool, r.choice([1, 1, 2])))

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
        if r.random() < 0.55:
            c = h.new_call(at(day), p, r.choice(REPAIR))
            errors = errors_for("repair")
            h.repair(c, p, errors)
        else:
            c = h.new_call(at(day), p, "C01")
            errors = errors_for("inquiry")
            h.tariff(c, p, errors)
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
    stereo += np.random.default_rng(abs(hash(call.call_id)) % 2**32).normal(0, 0.003, stereo.shape).astype(np.float32)  # line noise
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
            if args.no_audio:
                dur = chars(text) / (4.4 if speaker == "agent" else 4.6)
            else:
                src_rate, frames = synthesise(text, pitch, speed, tmp)
                clips.append((src_rate, frames))
                dur = len(frames) / 2 / src_rate
            lines.append((speaker, text, gap, dur))
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
