#!/usr/bin/env python3
# Writes the sample manifest, transcripts and README (run from this folder). Dialogue written by the team.
import json, os, csv
# (call_id, started_at, direction, caller, agent_id, agent_name, team, queue, account_no, region, hangup_by, note, dialogue)
# dialogue: list of (speaker, text) or ("gap", seconds) or ("overlap", seconds) or ("rate", chars_per_s)
A, C = "agent", "customer"
calls = [
 ("S20241105-0001","2024-11-05T08:41:12+08:00","inbound","13803121187","A011","刘晓梅","热线一组","报修","1002317","竞秀区","customer",
  "C06 clean model call: greeting, read-back, SLA, ticket number, further needs, closing",
  [(A,"您好，供水服务热线，工号一零一一，请问有什么可以帮您？"),(C,"你好，我家楼下水表井那里一直往外冒水，都流到路上了。"),
   (A,"好的，请您别着急。麻烦告诉我一下详细地址和户号。"),(C,"竞秀区朝阳南大街二十六号院三号楼，户号一零零二三一七。"),
   (A,"跟您核对一下，竞秀区朝阳南大街二十六号院三号楼，户号一零零二三一七，对吗？"),(C,"对，没错。"),
   (A,"请问您的联系电话是这个来电号码吗？"),(C,"是的，就打这个。"),
   (A,"好的，已经给您派了维修工单，工单号是二四一一零五零三七。水表井漏水属于一般维修，我们会在一个工作日内处理，维修人员出发前会先给您打电话。"),
   (C,"行，那麻烦你们快一点。"),(A,"请问您还有其他问题吗？"),(C,"没有了。"),(A,"感谢您的来电，再见。")]),
 ("S20241105-0002","2024-11-05T09:15:40+08:00","inbound","13931260472","A014","张建国","热线一组","咨询","1004582","莲池区","customer",
  "C01 tariff inquiry, agent states tier-1 price correctly (3.45 元/吨)",
  [(A,"您好，供水服务热线，工号一零一四，请问有什么可以帮您？"),(C,"我想问一下现在居民用水多少钱一吨？"),
   (A,"居民生活用水实行阶梯水价，第一阶梯是每吨三点四五元，年用水量一百八十吨以内都按这个价格。"),(C,"那超过一百八十吨呢？"),
   (A,"一百八十一到二百六十吨是第二阶梯，每吨四点八三元，二百六十吨以上是第三阶梯，每吨七点二元。"),(C,"明白了，谢谢。"),
   (A,"不客气，请问还有其他问题吗？"),(C,"没了。"),(A,"感谢您的来电，再见。")]),
 ("S20241105-0003","2024-11-05T10:02:05+08:00","inbound","15032218864","A023","王丽","热线二组","咨询","1003391","满城区","customer",
  "C01 tariff inquiry, agent states tier-1 price WRONGLY (3.25 元/吨) → F03",
  [(A,"您好，供水服务热线，工号一零二三，请问有什么可以帮您？"),(C,"你好，我看账单这个月水费有点高，想问问一吨水多少钱。"),
   (A,"居民用水第一阶梯是三块二毛五一吨。"),(C,"三块二毛五？那我这个算下来不对啊。"),
   (A,"您这个月用了多少吨？"),(C,"二十二吨，收了七十多块。"),
   (A,"那我帮您查一下账单明细，请您稍等。"),("gap",4.0),(A,"让您久等了，账单是按抄表数算的，没有问题。"),
   (C,"好吧，那我再看看。"),(A,"还有其他问题吗？"),(C,"没有了。"),(A,"感谢来电，再见。")]),
 ("S20241105-0004","2024-11-05T10:47:31+08:00","inbound","18631205519","A027","赵志强","热线二组","报修","1006120","徐水区","customer",
  "C03 no water; missing standard greeting (N01); dead air 6 s without apology (N04)",
  [(A,"喂，说吧。"),(C,"我们家一点水都没有了，怎么回事？"),(A,"哪个小区？"),(C,"徐水区东风路那个锦绣家园。"),
   (A,"我查一下。"),("gap",6.5),(A,"那边今天上午管网抢修，计划停水到下午四点。"),(C,"怎么没提前通知呢？"),
   (A,"通知贴在小区门口了。"),(C,"那行吧，四点肯定能来水吗？"),(A,"抢修完就来，还有别的事吗？"),(C,"没了。"),(A,"再见。")]),
 ("S20241105-0005","2024-11-05T11:05:18+08:00","inbound","13803126630","A011","刘晓梅","热线一组","报修","1006245","徐水区","customer",
  "C03 no water, second caller from the same district within an hour (outage cluster with -0004)",
  [(A,"您好，供水服务热线，工号一零一一，请问有什么可以帮您？"),(C,"你好，锦绣家园停水了，什么时候能来水啊？"),
   (A,"非常抱歉给您带来不便。东风路一带今天上午在抢修供水管道，预计下午四点前恢复供水。"),(C,"家里老人还等着做饭呢。"),
   (A,"理解您的心情，抢修队正在全力处理，来水后如果还有问题您随时打给我们。"),(C,"好吧。"),
   (A,"请问还有其他问题吗？"),(C,"没有了。"),(A,"感谢您的来电，再见。")]),
 ("S20241105-0006","2024-11-05T14:20:44+08:00","inbound","15930287731","A014","张建国","热线一组","投诉","1005008","莲池区","agent",
  "C09 complaint; agent is rude (F02: 你懂不懂啊) and impatient (N11), agent hangs up (F07)",
  [(A,"您好，供水服务热线，工号一零一四，请问有什么可以帮您？"),(C,"我上个月交的钱怎么又说我欠费？你们怎么回事？"),
   (A,"您交到哪个户号上了？"),(C,"我哪知道，就是在手机上交的。"),(A,"我都说了好几遍了，要看户号，你懂不懂啊？"),
   ("overlap",1.5),(C,"你这什么态度，我要投诉你！"),(A,"你爱投诉就投诉。")]),
 ("S20241105-0007","2024-11-05T15:33:09+08:00","inbound","13932149905","A023","王丽","热线二组","报修","1007731","莲池区","customer",
  "C05 water quality; agent shirks (F04: 这不归我们管，你找物业去) without ticket or transfer",
  [(A,"您好，供水服务热线，工号一零二三，请问有什么可以帮您？"),(C,"我家水龙头放出来的水发黄，还有一股味儿。"),
   (A,"您住的是高层吗？是不是二次供水？"),(C,"是，二十多层，楼里有水箱。"),
   (A,"二次供水水箱这不归我们管，你找物业去吧。"),(C,"物业说让我找你们啊。"),(A,"那我也没办法，你再问问物业。"),
   (C,"那好吧。"),(A,"再见。")]),
 ("S20241106-0008","2024-11-06T09:10:26+08:00","inbound","13803121187","A027","赵志强","热线二组","报修","1002317","竞秀区","customer",
  "C10 repeat of -0001 (same caller, 24 h later): 上次说…还没人来; agent apologises and escalates",
  [(A,"您好，供水服务热线，工号一零二七，请问有什么可以帮您？"),(C,"我昨天报的水表井漏水，上次说一个工作日内来修，到现在还没人来。"),
   (A,"非常抱歉让您久等了。请问您的户号是多少？"),(C,"一零零二三一七。"),
   (A,"查到了，工单号二四一一零五零三七，我这边马上给您催办，并加急处理。"),(C,"水还在冒，路上都结冰了。"),
   (A,"理解您的心情，我已经标记为加急，维修班组会在两小时内联系您。"),(C,"好，我等电话。"),
   (A,"请问还有其他问题吗？"),(C,"没有。"),(A,"感谢您的来电，再见。")]),
 ("S20241106-0009","2024-11-06T10:30:00+08:00","outbound","13803121187","A011","刘晓梅","热线一组","回访","1002317","竞秀区","agent",
  "callback (回访) to the customer of -0001/-0008 after the repair",
  [(A,"您好，这里是供水服务热线，工号一零一一，请问是朝阳南大街二十六号院的住户吗？"),(C,"是我。"),
   (A,"关于您报修的水表井漏水，维修人员今天上午已经处理好了，想跟您确认一下现在还漏吗？"),(C,"修好了，不漏了。"),
   (A,"好的，请问您对这次维修满意吗？"),(C,"就是来得晚了点，别的还行。"),
   (A,"非常抱歉，我们会改进。请问还有其他问题吗？"),(C,"没有了。"),(A,"感谢您的配合，再见。")]),
 ("S20241106-0010","2024-11-06T13:48:52+08:00","inbound","18603127716","A014","张建国","热线一组","供热","2008813","竞秀区","customer",
  "C11 heating: radiator not warm, room 16℃ (standard ≥18℃); agent speaks too fast (N06)",
  [(A,"您好，供热服务热线，工号一零一四，请问有什么可以帮您？"),(C,"我家暖气不热，屋里才十六度。"),
   ("rate",6.2),(A,"好的，供暖期室温标准是不低于十八度，您家十六度确实不达标，我这边给您登记一个室温不达标的报修，维修人员会在一个工作日内上门测温并排查，您看可以吗？"),
   ("rate",4.5),(C,"你说慢点，我没听清。"),
   ("rate",6.2),(A,"不好意思，就是给您登记报修，一个工作日内有人上门测温，工单号是二四一一零六一二八，请您记一下。"),
   ("rate",4.5),(C,"好，记下了。"),(A,"请问还有其他问题吗？"),(C,"没有了。"),(A,"感谢您的来电，再见。")]),
 ("S20241106-0011","2024-11-06T16:12:37+08:00","inbound","15031265548","A023","王丽","热线二组","供热","2003376","满城区","customer",
  "C12 heating suspension and fee; correct fee (22 元/平方米); agent asks for identity before the account action",
  [(A,"您好，供热服务热线，工号一零二三，请问有什么可以帮您？"),(C,"我家房子今年冬天没人住，想办报停。"),
   (A,"好的，办理报停需要先核实一下身份，请问您的户号和户主姓名是？"),(C,"户号二零零三三七六，户主叫李秀兰。"),
   (A,"核实无误。报停需要户主带身份证到营业厅办理，办理后收取基本热费。"),(C,"那正常交的话采暖费多少钱？"),
   (A,"居民采暖费是每平方米二十二元一个采暖季。"),(C,"知道了，谢谢。"),(A,"请问还有其他问题吗？"),(C,"没有了。"),(A,"感谢您的来电，再见。")]),
 ("S20241107-0012","2024-11-07T09:25:14+08:00","inbound","13932155082","A027","赵志强","热线二组","咨询","1008845","竞秀区","customer",
  "C07 meter reading, estimated reading (估抄) dispute; agent waits with 请稍等 before a 7 s pause (no N04)",
  [(A,"您好，供水服务热线，工号一零二七，请问有什么可以帮您？"),(C,"我家这两个月都没人来抄表，账单上的数是不是估的？"),
   (A,"我帮您查一下，请您稍等。"),("gap",7.0),(A,"让您久等了，您家上两个月确实是估抄，本月会安排抄表员上门实抄，多退少补。"),
   (C,"那估得太高了，我家平时就两个人住。"),(A,"理解您的担心，实抄以后按实际用量结算，多收的会退回。"),
   (C,"行吧。"),(A,"请问还有其他问题吗？"),(C,"没有了。"),(A,"感谢您的来电，再见。")]),
 ("S20241107-0013","2024-11-07T11:02:48+08:00","inbound","18631277203","A011","刘晓梅","热线一组","报修","1009017","满城区","customer",
  "C06 burst main reported; agent states the SLA (30 分钟内出发) and gives a ticket number",
  [(A,"您好，供水服务热线，工号一零一一，请问有什么可以帮您？"),(C,"满城区富昌路上爆管了，水冒得老高，车都过不去了。"),
   (A,"好的，请问具体在富昌路哪个位置？"),(C,"就在富昌路和新华街路口往北一点。"),
   (A,"跟您确认一下，满城区富昌路与新华街路口往北，对吗？"),(C,"对。"),
   (A,"已经给您登记爆管抢修，抢修人员接报后三十分钟内出发，工单号二四一一零七零一五。"),(C,"好的，快点吧。"),
   (A,"请问还有其他问题吗？"),(C,"没有了。"),(A,"感谢您的来电，再见。")]),
 ("S20241108-0014","2024-11-08T10:40:03+08:00","inbound","13803126630","A014","张建国","热线一组","缴费","1006245","徐水区","customer",
  "C02 arrears; agent promises to waive the late fee (F06: 给您免了滞纳金)",
  [(A,"您好，供水服务热线，工号一零一四，请问有什么可以帮您？"),(C,"我收到欠费短信，说要交滞纳金，可我上个月一直在外地。"),
   (A,"请问您的户号是多少？"),(C,"一零零六二四五。"),(A,"查到了，您欠费两个月。"),(C,"滞纳金能不能不交？"),
   (A,"没事，我给您免了滞纳金，您把水费交上就行。"),(C,"那太好了，谢谢。"),(A,"还有别的事吗？"),(C,"没了。"),(A,"再见。")]),
]

def spoken(t): return sum(1 for ch in t if ch.isalnum())
os.makedirs("transcripts", exist_ok=True)
rows=[]
for (cid, started, direction, caller, agent, name, team, queue, account, region, hangup, note, dialogue) in calls:
    t = 0.4; rate = 4.5; segs=[]; pending_gap=None; pending_overlap=None
    for item in dialogue:
        if item[0]=="gap": pending_gap=item[1]; continue
        if item[0]=="overlap": pending_overlap=item[1]; continue
        if item[0]=="rate": rate=item[1]; continue
        spk, text = item
        start = t
        if pending_gap: start += pending_gap; pending_gap=None
        elif pending_overlap and segs: start = segs[-1]["end"] - pending_overlap; pending_overlap=None
        elif segs: start += 0.5 if segs[-1]["speaker"]!=spk else 0.3
        dur = max(0.8, spoken(text)/rate)
        end = start + dur
        segs.append({"speaker":spk,"start":round(start,2),"end":round(end,2),"text":text})
        t = end
    with open(f"transcripts/{cid}.json","w",encoding="utf-8") as f:
        json.dump({"call_id":cid,"language":"zh","source":"imported","segments":segs},f,ensure_ascii=False,indent=2); f.write("\n")
    rows.append([cid,started,direction,caller,agent,name,team,queue,account,region,hangup,"","",f"transcripts/{cid}.json","总部录音服务器"])
with open("manifest.csv","w",encoding="utf-8",newline="") as f:
    w=csv.writer(f, lineterminator="\n")
    w.writerow(["call_id","started_at","direction","caller","agent_id","agent_name","team","queue","account_no","region","hangup_by","audio","channels","transcript","recorder_site"])
    w.writerows(rows)
with open("README.md","w",encoding="utf-8") as f:
    f.write("""# 示例通话 Sample calls

14 通供水、供热热线通话的转写稿（无录音），由团队为本示例编写，不是真实录音；对话为原创，姓名、电话、户号均为虚构。
`manifest.csv` 是录音平台导出的清单（formats.md §1），`transcripts/` 是转写稿（§2），由 `generate.py` 生成（时间轴按每秒约 4.5 个字推算）。

14 hotline calls as transcripts only (no audio), written by the team for this sample: original dialogue, fictitious
names, numbers and accounts. `manifest.csv` (formats.md §1) and `transcripts/` (§2) are produced by `generate.py`
(timings assume about 4.5 characters per second). `recorder_site` is an extra column, kept as a call attribute.

| call_id | what it demonstrates (category; planted errors by id) |
|---|---|
""")
    for c in calls:
        f.write(f"| {c[0]} | {c[11]} |\n")
print(len(rows))
