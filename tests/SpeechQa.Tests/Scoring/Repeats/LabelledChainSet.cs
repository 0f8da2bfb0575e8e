using System.Globalization;
using SpeechQa.Scoring.Repeats;
using SpeechQa.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SpeechQa.Tests.Scoring.Repeats;

/// <summary>
/// A labelled chain set (tests/repeats/*.yaml): scenarios of calls written and labelled from the taxonomy (chains with
/// root causes, outage clusters, near misses), read into calls with their cues found by the shipped policy.
/// </summary>
internal sealed record LabelledChainSet(IReadOnlyList<CallContact> Calls, IReadOnlyList<(IReadOnlyList<string> Calls, RootCause Cause)> Chains,
    IReadOnlyList<IReadOnlyList<string>> Clusters, int Scenarios)
{
    /// <summary>The team's set (dev: the cues were widened on it).</summary>
    public const string Dev = "tests/repeats/labelled-chains.yaml";

    /// <summary>Another author's set (test: read only for its figures, never for tuning).</summary>
    public const string Test = "tests/repeats/test-chains.yaml";

    /// <summary>A second wave of test scenarios (KW, 2026-12-07): Jinan/Zibo callers, written after the rules had been tuned for six sittings; never tuned on.</summary>
    public const string Test2 = "tests/repeats/test-chains-2.yaml";

    /// <summary>A second wave of test scenarios (KX, 2026-12-07): Kunming/Guiyang callers; never tuned on.</summary>
    public const string Test3 = "tests/repeats/test-chains-3.yaml";

    /// <summary>A third wave of test scenarios (WK, 2026-12-07, eighth sitting): Zhengzhou/Kaifeng callers; never tuned on.</summary>
    public const string Test4 = "tests/repeats/test-chains-4.yaml";

    /// <summary>A third wave of test scenarios (WL, 2026-12-07, eighth sitting): Fuzhou/Putian callers; never tuned on.</summary>
    public const string Test5 = "tests/repeats/test-chains-5.yaml";

    /// <summary>A fourth wave of test chains (XP, never tuned on): Lanzhou/Xining water and heating, Gansu/Qinghai speech; two outage clusters.</summary>
    public const string Test6 = "tests/repeats/test-chains-6.yaml";

    /// <summary>A fourth wave of test chains (XQ, never tuned on): Guiyang/Zunyi water and heating, Guizhou speech; three outage clusters.</summary>
    public const string Test7 = "tests/repeats/test-chains-7.yaml";

    /// <summary>A fifth wave of test chains (ZM, never tuned on): Xinxiang/Jiaozuo water and heating, northern Henan speech; two outage clusters.</summary>
    public const string Test8 = "tests/repeats/test-chains-8.yaml";

    /// <summary>A sixth wave of test chains (QJ, never tuned on): Zhangjiakou/Xuanhua water and heating, northern Hebei speech; three outage clusters.</summary>
    public const string Test9 = "tests/repeats/test-chains-9.yaml";

    /// <summary>A seventh wave of test chains (QV, never tuned on): Weihai/Rongcheng water and heating, Jiaodong speech; four outage clusters.</summary>
    public const string Test10 = "tests/repeats/test-chains-10.yaml";

    /// <summary>An eighth wave of test chains (QY, never tuned on): Siping water and heating, Jilin speech, old chemical-works housing; four outage clusters.</summary>
    public const string Test11 = "tests/repeats/test-chains-11.yaml";

    /// <summary>A ninth wave of test chains (UN, never tuned on): Baotou/Bayannur water and heating, Jin-flavoured speech, steel-works housing; three outage clusters.</summary>
    public const string Test12 = "tests/repeats/test-chains-12.yaml";

    /// <summary>A tenth wave of test chains (VE, never tuned on): Cangzhou/Dezhou water and heating, Hebei–Shandong border speech, canal villages; four outage clusters.</summary>
    public const string Test13 = "tests/repeats/test-chains-13.yaml";

    /// <summary>An eleventh wave of test chains (VN, never tuned on): Shuozhou/Xinzhou water and heating, northern Shanxi speech, coal towns; five outage clusters.</summary>
    public const string Test14 = "tests/repeats/test-chains-14.yaml";

    /// <summary>A twelfth wave of test chains (VX, never tuned on): Ningde/Fuding water with heated new estates, eastern Fujian speech, tea-hill towns and fishing ports; four outage clusters.</summary>
    public const string Test15 = "tests/repeats/test-chains-15.yaml";

    /// <summary>A thirteenth wave of test chains (WO, never tuned on): Jiaozuo/Xinxiang water and heating, northern Henan speech, old mining estates; four outage clusters.</summary>
    public const string Test16 = "tests/repeats/test-chains-16.yaml";

    /// <summary>The thirteenth wave's second set (WP, never tuned on): Huanggang/Xianning water with heated new estates, eastern Hubei speech, textile-mill housing; four outage clusters.</summary>
    public const string Test17 = "tests/repeats/test-chains-17.yaml";

    /// <summary>Whether a file is a test set: only its totals are printed, never its disagreements.</summary>
    public static bool IsTest(string file) => file is Test or Test2 or Test3 or Test4 or Test5 or Test6 or Test7 or Test8 or Test9 or Test10 or Test11 or Test12 or Test13 or Test14 or Test15 or Test16 or Test17;

    /// <summary>A second dev set by another independent author (DC), for tuning the root cause on causes to infer.</summary>
    public const string Dev2 = "tests/repeats/dev-chains-2.yaml";

    /// <summary>A fourth author's scenarios (RX, dev): causes to infer, misleading first impressions, three outage clusters.</summary>
    public const string Dev3 = "tests/repeats/dev-chains-3.yaml";

    /// <summary>A fifth author's scenarios (RZ, dev): northeastern callers, causes to infer, three outage clusters.</summary>
    public const string Dev4 = "tests/repeats/dev-chains-4.yaml";

    /// <summary>A sixth author's scenarios (RW, dev): Jiangsu/Anhui callers, causes to infer, three outage clusters.</summary>
    public const string Dev5 = "tests/repeats/dev-chains-5.yaml";

    /// <summary>A seventh author's scenarios (RG, dev): Guangdong/Fujian/Hainan callers, causes to infer, three outage clusters.</summary>
    public const string Dev6 = "tests/repeats/dev-chains-6.yaml";

    /// <summary>An eighth author's scenarios (RK, dev): Hubei/Hunan/Jiangxi callers, causes to infer, three outage clusters.</summary>
    public const string Dev7 = "tests/repeats/dev-chains-7.yaml";

    /// <summary>A ninth author's scenarios (RM, dev): Beijing/Hebei/Shandong callers, causes to infer, three outage clusters.</summary>
    public const string Dev8 = "tests/repeats/dev-chains-8.yaml";

    /// <summary>A tenth author's scenarios (RQ, dev): Guangdong/Fujian/Zhejiang callers and a Jilin/Liaoning heating branch, three outage clusters.</summary>
    public const string Dev9 = "tests/repeats/dev-chains-9.yaml";

    /// <summary>An eleventh author's scenarios (RV, dev): Shanxi/Shaanxi/Henan/Gansu callers, three outage clusters.</summary>
    public const string Dev10 = "tests/repeats/dev-chains-10.yaml";

    /// <summary>A twelfth author's scenarios (RY, dev): Sichuan/Chongqing/Yunnan/Guizhou callers, three outage clusters.</summary>
    public const string Dev11 = "tests/repeats/dev-chains-11.yaml";

    /// <summary>A thirteenth author's scenarios (RP, dev): Shandong/Hebei callers, water and heating alike, three outage clusters.</summary>
    public const string Dev12 = "tests/repeats/dev-chains-12.yaml";

    /// <summary>A fourteenth author's scenarios (RU, dev): Shaanxi/Gansu/Inner Mongolia callers, heating-heavy, three outage clusters.</summary>
    public const string Dev13 = "tests/repeats/dev-chains-13.yaml";

    /// <summary>A fifteenth author's scenarios (RH, dev): Hebei/Tianjin/Beijing-suburb callers, the causes readers confuse, three outage clusters.</summary>
    public const string Dev14 = "tests/repeats/dev-chains-14.yaml";

    /// <summary>A sixteenth author's scenarios (RL, dev): Henan/Hubei/Anhui callers, water-heavy summers and a heating district, three outage clusters.</summary>
    public const string Dev15 = "tests/repeats/dev-chains-15.yaml";

    /// <summary>A seventeenth author's scenarios (RB, dev): Liaoning/Jilin/Heilongjiang callers, causes to infer, three outage clusters.</summary>
    public const string Dev16 = "tests/repeats/dev-chains-16.yaml";

    /// <summary>An eighteenth author's scenarios (RC2, dev): Jiangsu/Zhejiang/Shanghai/Fujian callers, typhoon outages, three outage clusters.</summary>
    public const string Dev17 = "tests/repeats/dev-chains-17.yaml";

    /// <summary>A nineteenth author's scenarios (RE, dev): Qinghai/Gansu/Ningxia/Henan callers, long heating seasons, the causes readers confuse, three outage clusters.</summary>
    public const string Dev18 = "tests/repeats/dev-chains-18.yaml";

    /// <summary>A twentieth author's scenarios (RF, dev): Guangxi/Hainan/Chaoshan/Hakka/Jiangxi callers, typhoon outages, landlords and tenants, three outage clusters.</summary>
    public const string Dev19 = "tests/repeats/dev-chains-19.yaml";

    /// <summary>A twenty-first author's scenarios (RJ, dev): Jiaodong and northern Jiangsu callers, a long heating season, three outage clusters.</summary>
    public const string Dev20 = "tests/repeats/dev-chains-20.yaml";

    /// <summary>A twenty-second author's scenarios (RN, dev): Anhui/Jiangxi/Fujian mountain towns, flood-season outages, three outage clusters.</summary>
    public const string Dev21 = "tests/repeats/dev-chains-21.yaml";

    /// <summary>A twenty-third author's scenarios (RA, dev): Shanxi/northern Hebei/Inner Mongolia callers, coal towns, a long heating season, three outage clusters.</summary>
    public const string Dev22 = "tests/repeats/dev-chains-22.yaml";

    /// <summary>A twenty-fourth author's scenarios (RO, dev): Pearl River Delta and Hunan callers, typhoon outages, three outage clusters.</summary>
    public const string Dev23 = "tests/repeats/dev-chains-23.yaml";

    /// <summary>A twenty-fifth author's scenarios (IK, dev): Shanxi/Shaanxi callers, coal-mine housing, cold-snap heating faults, three outage clusters.</summary>
    public const string Dev24 = "tests/repeats/dev-chains-24.yaml";

    /// <summary>A twenty-sixth author's scenarios (RK, dev): Sichuan/Chongqing callers, stair-street housing, third-front factory compounds, three outage clusters.</summary>
    public const string Dev25 = "tests/repeats/dev-chains-25.yaml";

    /// <summary>A twenty-seventh author's scenarios (QB, dev): Fujian/Zhejiang callers, shop-houses and island villages, typhoon outages, three outage clusters.</summary>
    public const string Dev26 = "tests/repeats/dev-chains-26.yaml";

    /// <summary>A twenty-eighth author's scenarios (KA, dev): Henan and western Shandong callers, township water works, a power-plant heating district, three outage clusters.</summary>
    public const string Dev27 = "tests/repeats/dev-chains-27.yaml";

    /// <summary>A twenty-ninth author's scenarios (KB, dev): Gansu, Ningxia and Xinjiang callers, oilfield housing, a long heating season, three outage clusters.</summary>
    public const string Dev28 = "tests/repeats/dev-chains-28.yaml";

    /// <summary>A thirtieth author's scenarios (KC, dev): Hubei and Hunan callers, steel-works and shipyard housing, summer flood outages, three outage clusters.</summary>
    public const string Dev29 = "tests/repeats/dev-chains-29.yaml";

    /// <summary>A thirty-first author's scenarios (KD, dev): Jilin and Heilongjiang callers, auto-works and forestry housing, a six-month heating season, three outage clusters.</summary>
    public const string Dev30 = "tests/repeats/dev-chains-30.yaml";

    /// <summary>A thirty-second author's scenarios (KE, dev): Shandong and northern Jiangsu coastal callers, fishing villages, port housing, three outage clusters.</summary>
    public const string Dev31 = "tests/repeats/dev-chains-31.yaml";

    /// <summary>A thirty-third author's scenarios (KF, dev): Guizhou, Yunnan and Guangxi callers, mountain towns, rainy-season outages, three outage clusters.</summary>
    public const string Dev32 = "tests/repeats/dev-chains-32.yaml";

    /// <summary>A thirty-fourth author's scenarios (KG, dev): Heilongjiang and Jilin callers, forestry-bureau towns, boiler-room heating, frozen meters, three outage clusters.</summary>
    public const string Dev33 = "tests/repeats/dev-chains-33.yaml";

    /// <summary>A thirty-fifth author's scenarios (KH, dev): Zhejiang and Anhui callers, water-town lanes, textile-mill dormitories, plum-rain outages, three outage clusters.</summary>
    public const string Dev34 = "tests/repeats/dev-chains-34.yaml";

    /// <summary>A thirty-sixth author's scenarios (KI, dev): Hebei and Tianjin callers, steel-works and port housing, trucked-water villages, coal-to-gas heating, three outage clusters.</summary>
    public const string Dev35 = "tests/repeats/dev-chains-35.yaml";

    /// <summary>A thirty-seventh author's scenarios (KJ, dev): Fujian, Jiangxi and Guangdong callers, tulou villages, ceramics-works housing, typhoon outages, three outage clusters.</summary>
    public const string Dev36 = "tests/repeats/dev-chains-36.yaml";

    /// <summary>A thirty-eighth author's scenarios (KL, dev): Shandong and Henan callers, ceramic- and textile-works housing, old heating networks, summer storm outages, three outage clusters.</summary>
    public const string Dev37 = "tests/repeats/dev-chains-37.yaml";

    /// <summary>A thirty-ninth author's scenarios (KN, dev): Sichuan and Chongqing callers, stairway streets, military-industry housing, flood-season outages, three outage clusters.</summary>
    public const string Dev38 = "tests/repeats/dev-chains-38.yaml";

    /// <summary>A fortieth author's scenarios (KO, dev): Changchun and Jilin callers, auto-works housing, frozen meters and risers, heat-station stops, three outage clusters; causes built to look like others.</summary>
    public const string Dev39 = "tests/repeats/dev-chains-39.yaml";

    /// <summary>A forty-first author's scenarios (KP, dev): Ganzhou callers, riverside old town, Hakka villages on the city supply, a heating pilot, four outage clusters; half the callbacks name no cause.</summary>
    public const string Dev40 = "tests/repeats/dev-chains-40.yaml";

    /// <summary>A forty-second author's scenarios (KQ, dev): Lanzhou and Xining callers, railway and petrochemical housing, hillside booster pumps, frozen meters, five outage clusters; causes that show only in the callback, callers who blame the wrong thing.</summary>
    public const string Dev41 = "tests/repeats/dev-chains-41.yaml";

    /// <summary>A forty-third author's scenarios (KR, dev): Liuzhou callers, riverside old town, industrial-estate dormitories, karst villages in summer storms, a hospital-district heating desk, four outage clusters; three-call chains and working-day limits across weekends.</summary>
    public const string Dev42 = "tests/repeats/dev-chains-42.yaml";

    /// <summary>A forty-fourth author's scenarios (KS, dev): Baotou and Hohhot callers, steel-works and rare-earth housing, old-town lanes, frozen pipes, a sandstorm outage, two outage clusters; wrong first answers about fees, limits and standards.</summary>
    public const string Dev43 = "tests/repeats/dev-chains-43.yaml";

    /// <summary>A forty-fifth author's scenarios (KT, dev): Shantou and Jieyang callers, arcade streets, overseas-Chinese villages, toy and sock workshops, typhoon outages, two outage clusters; callers name no cause, agents show it.</summary>
    public const string Dev44 = "tests/repeats/dev-chains-44.yaml";

    /// <summary>A forty-sixth author's scenarios (KU, dev): Yiwu and Jinhua callers, market lanes, migrant workers' rooms, hill villages, plum-rain outages, three outage clusters; callers name no cause, agents show it.</summary>
    public const string Dev45 = "tests/repeats/dev-chains-45.yaml";

    /// <summary>A forty-seventh author's scenarios (KV, dev): Datong and Shuozhou callers, coal-mine housing, the old city wall, villages new on piped water, frozen meters, two outage clusters; callbacks that look like another cause.</summary>
    public const string Dev46 = "tests/repeats/dev-chains-46.yaml";

    /// <summary>A forty-eighth author's scenarios (KY, dev): Weihai/Yantai (Jiaodong) callers, typhoon and cold-wave outages, relatives calling for the elderly.</summary>
    public const string Dev47 = "tests/repeats/dev-chains-47.yaml";

    /// <summary>A forty-ninth author's scenarios (KZ, dev): Changde/Yiyang callers, flood-season outages, chains that first look like another cause.</summary>
    public const string Dev48 = "tests/repeats/dev-chains-48.yaml";

    /// <summary>A fiftieth author's scenarios (OC, dev): Baotou callers, steel-works blocks, cold-wave heating, works and notices nobody announced, repairs that came back, three outage clusters.</summary>
    public const string Dev49 = "tests/repeats/dev-chains-49.yaml";

    /// <summary>A fifty-first author's scenarios (OD, dev): Nantong/Yancheng callers, fish-pond villages, relocated-farmer estates; billing repeats that are disputes (R4) beside ones that are not (R9), bills that surprised because a notice never arrived, three outage clusters.</summary>
    public const string Dev50 = "tests/repeats/dev-chains-50.yaml";

    /// <summary>A fifty-second author's scenarios (OE, dev): Zhanjiang/Maoming callers, typhoon bursts, sugar-mill quarters, hill-reservoir villages; causes shown by what happened, chains that first look like another cause, three outage clusters.</summary>
    public const string Dev51 = "tests/repeats/dev-chains-51.yaml";

    /// <summary>A fifty-third author's scenarios (OR, dev): Qiqihar/Daqing callers, oilfield housing, a long heating season, frozen meters and service pipes, heat-exchange works nobody announced, four outage clusters.</summary>
    public const string Dev52 = "tests/repeats/dev-chains-52.yaml";

    /// <summary>A fifty-fourth author's scenarios (OS, dev): Yibin/Luzhou callers, riverside old towns, distillery districts, hillside villages; billing disputes left open beside billing repeats that are none, four outage clusters.</summary>
    public const string Dev53 = "tests/repeats/dev-chains-53.yaml";

    /// <summary>A fifty-fifth author's scenarios (OV, dev): Hefei/Lu'an callers, resettlement estates, tea-hill villages, plum rain; causes set up in look-alike pairs, four outage clusters.</summary>
    public const string Dev54 = "tests/repeats/dev-chains-54.yaml";

    /// <summary>A fifty-sixth author's scenarios (XD, dev): Tangshan/Qinhuangdao callers, steel-works and mining flats, seaside flats, villages on new mains; six outage clusters.</summary>
    public const string Dev55 = "tests/repeats/dev-chains-55.yaml";

    /// <summary>A fifty-seventh author's scenarios (XE, dev): Nanchong/Suining callers, Jialing-river towns, silk-mill housing, hillside villages; four outage clusters.</summary>
    public const string Dev56 = "tests/repeats/dev-chains-56.yaml";

    /// <summary>A fifty-eighth author's scenarios (XF, dev): Shaoxing/Zhuji callers, canal lanes, sock and hardware towns, a pearl-farm village; three outage clusters.</summary>
    public const string Dev57 = "tests/repeats/dev-chains-57.yaml";

    /// <summary>A fifty-ninth author's scenarios (XK, dev): Taiyuan water and heating, coal-mine estates, Jin words, three outage clusters.</summary>
    public const string Dev58 = "tests/repeats/dev-chains-58.yaml";

    /// <summary>A sixtieth author's scenarios (XL, dev): Nanning water only, urban-village rentals, a typhoon, three outage clusters.</summary>
    public const string Dev59 = "tests/repeats/dev-chains-59.yaml";

    /// <summary>A sixty-first author's scenarios (XR, dev): Dalian/Dandong water and heating, seaside flats, islands, frozen meter wells; two outage clusters.</summary>
    public const string Dev60 = "tests/repeats/dev-chains-60.yaml";

    /// <summary>A sixty-second author's scenarios (XS, dev): Hefei water and heating, relocated villagers' estates, lakeside estates, Jianghuai speech; three outage clusters.</summary>
    public const string Dev61 = "tests/repeats/dev-chains-61.yaml";

    /// <summary>A sixty-third author's scenarios (XV, dev): Yangzhou/Zhenjiang water, old lanes, canal-side estates, hillside villages; four outage clusters.</summary>
    public const string Dev62 = "tests/repeats/dev-chains-62.yaml";

    /// <summary>A sixty-fourth author's scenarios (XW, dev): Changchun/Jilin water and heating, old factory estates, frozen pipes; four outage clusters.</summary>
    public const string Dev63 = "tests/repeats/dev-chains-63.yaml";

    /// <summary>A sixty-fifth author's scenarios (YN, dev): Luoyang/Pingdingshan water and heating, tractor-works housing, mining estates; three outage clusters.</summary>
    public const string Dev64 = "tests/repeats/dev-chains-64.yaml";

    /// <summary>A sixty-sixth author's scenarios (YR, dev): Nantong water with a few heated estates, riverside towns, textile-mill housing; two outage clusters.</summary>
    public const string Dev65 = "tests/repeats/dev-chains-65.yaml";

    /// <summary>A sixty-seventh author's scenarios (ZE, dev): Luoyang/Sanmenxia water and heating, old-town courtyards, Yellow River villages; two outage clusters.</summary>
    public const string Dev66 = "tests/repeats/dev-chains-66.yaml";

    /// <summary>A sixty-eighth author's scenarios (ZF, dev): Guilin/Hezhou water with a retirees' heated estate, karst towns, farm villages; three outage clusters.</summary>
    public const string Dev67 = "tests/repeats/dev-chains-67.yaml";

    /// <summary>A sixty-ninth author's scenarios (ZT, dev): Weinan/Hancheng water and heating, Guanzhong speech, railway housing, apple-farm villages; three outage clusters.</summary>
    public const string Dev68 = "tests/repeats/dev-chains-68.yaml";

    /// <summary>A seventieth author's scenarios (ZV, dev): Zhaoqing/Yunfu water with a retirees' heated estate, riverside towns, factory dormitories; three outage clusters.</summary>
    public const string Dev69 = "tests/repeats/dev-chains-69.yaml";

    /// <summary>A seventy-first author's scenarios (QG, dev): Baoding/Dingzhou water and heating, central Hebei speech, work-unit compounds; three outage clusters.</summary>
    public const string Dev70 = "tests/repeats/dev-chains-70.yaml";

    /// <summary>A seventy-second author's scenarios (QI, dev): Quzhou/Lishui water with an industrial-park heated estate, mountain villages, railway housing; three outage clusters.</summary>
    public const string Dev71 = "tests/repeats/dev-chains-71.yaml";

    /// <summary>A seventy-third author's scenarios (QK, dev): Cangzhou/Huanghua water and heating, eastern Hebei speech, salt-flat and port towns; four outage clusters.</summary>
    public const string Dev72 = "tests/repeats/dev-chains-72.yaml";

    /// <summary>A seventy-fourth author's scenarios (QP, dev): Yichun/Pingxiang water with heated new estates, Gan speech, old mining estates; two outage clusters.</summary>
    public const string Dev73 = "tests/repeats/dev-chains-73.yaml";

    /// <summary>A seventy-fifth author's scenarios (UD, dev): Qujing/Zhaotong water with heated new estates, Yunnan speech, coal-mine housing; four outage clusters.</summary>
    public const string Dev74 = "tests/repeats/dev-chains-74.yaml";

    /// <summary>A seventy-sixth author's scenarios (UE, dev): Shiyan/Danjiangkou water and heating, northwest Hubei speech, car-factory housing and reservoir towns; five outage clusters.</summary>
    public const string Dev75 = "tests/repeats/dev-chains-75.yaml";

    /// <summary>A seventy-seventh author's scenarios (UJ, dev): Tianshui/Gangu water and heating, eastern Gansu speech, old factory housing; four outage clusters.</summary>
    public const string Dev76 = "tests/repeats/dev-chains-76.yaml";

    /// <summary>A seventy-eighth author's scenarios (UK, dev): Zhaoqing/Sihui water with heated new estates, Cantonese-flavoured speech; four outage clusters.</summary>
    public const string Dev77 = "tests/repeats/dev-chains-77.yaml";

    /// <summary>A seventy-ninth author's scenarios (US, dev): Ankang/Hanyin water with heated new estates, southern Shaanxi speech, relocation estates; three outage clusters.</summary>
    public const string Dev78 = "tests/repeats/dev-chains-78.yaml";

    /// <summary>An eightieth author's scenarios (UT, dev): Yancheng/Dongtai water with heated new estates, Jianghuai speech, salt-marsh towns; three outage clusters.</summary>
    public const string Dev79 = "tests/repeats/dev-chains-79.yaml";

    /// <summary>An eighty-first author's scenarios (VJ, dev): Zhoukou/Zhumadian water and heating, Henan speech, wheat-farm villages; four outage clusters.</summary>
    public const string Dev80 = "tests/repeats/dev-chains-80.yaml";

    /// <summary>An eighty-second author's scenarios (VK, dev): Longyan/Sanming water with heated new estates, western Fujian speech, tulou villages; three outage clusters.</summary>
    public const string Dev81 = "tests/repeats/dev-chains-81.yaml";

    /// <summary>An eighty-third author's scenarios (VT, dev): Yichun/Tieli water and heating, Heilongjiang forest-region speech, timber-mill housing; three outage clusters.</summary>
    public const string Dev82 = "tests/repeats/dev-chains-82.yaml";

    /// <summary>An eighty-fourth author's scenarios (VU, dev): Bozhou/Fuyang water with heated new estates, northern Anhui speech; four outage clusters.</summary>
    public const string Dev83 = "tests/repeats/dev-chains-83.yaml";

    /// <summary>An eighty-fifth author's scenarios (WC, dev): Suizhou/Xiaogan water with heated new estates, Hubei speech, auto-works housing; three outage clusters.</summary>
    public const string Dev84 = "tests/repeats/dev-chains-84.yaml";

    /// <summary>An eighty-sixth author's scenarios (WD, dev): Tai'an/Laiwu water and heating, Shandong speech, old steel-works housing; five outage clusters.</summary>
    public const string Dev85 = "tests/repeats/dev-chains-85.yaml";

    /// <summary>An eighty-seventh author's scenarios (WT, dev): Shiyan/Danjiangkou water with heated new estates, Hubei–Shaanxi border speech, truck-works housing; three outage clusters.</summary>
    public const string Dev86 = "tests/repeats/dev-chains-86.yaml";

    /// <summary>An eighty-eighth author's scenarios (WU, dev): Pingxiang/Ji'an water with heated new estates, Gan speech, colliery housing; four outage clusters.</summary>
    public const string Dev87 = "tests/repeats/dev-chains-87.yaml";

    /// <summary>An author's scenarios (AJ, dev): Baoding/Dingzhou water and heating, central Hebei speech, billing repeats of every kind; three outage clusters.</summary>
    public const string Dev88 = "tests/repeats/dev-chains-88.yaml";

    /// <summary>An author's scenarios (AK, dev): Yichang/Jingzhou water with heated new estates, western Hubei speech, chemical-works housing; three outage clusters.</summary>
    public const string Dev89 = "tests/repeats/dev-chains-89.yaml";

    /// <summary>An author's scenarios (AL, dev): Jiamusi/Hegang water and heating, eastern Heilongjiang speech, a heating season; three outage clusters.</summary>
    public const string Dev90 = "tests/repeats/dev-chains-90.yaml";

    /// <summary>An author's scenarios (AS, dev): Anyang/Hebi water and heating, northern Henan speech, callers who call back with several things at once; three outage clusters.</summary>
    public const string Dev91 = "tests/repeats/dev-chains-91.yaml";

    /// <summary>An author's scenarios (AT, dev): Mianyang/Deyang water with heated new estates, Sichuan speech, agents who find what went wrong on the record or not; three outage clusters.</summary>
    public const string Dev92 = "tests/repeats/dev-chains-92.yaml";

    /// <summary>An author's scenarios (AY, dev): Tonghua/Meihekou water and heating, southern Jilin speech, billing repeats of every kind; three outage clusters.</summary>
    public const string Dev93 = "tests/repeats/dev-chains-93.yaml";

    /// <summary>An author's scenarios (AZ, dev): Wuzhong/Zhongwei water and heating, Ningxia speech, a season as it comes; three outage clusters.</summary>
    public const string Dev94 = "tests/repeats/dev-chains-94.yaml";

    /// <summary>An author's scenarios (BH, dev): Zhoukou/Xiangcheng water and heating, eastern Henan speech, repeats whose cause is easy to misread; three outage clusters.</summary>
    public const string Dev95 = "tests/repeats/dev-chains-95.yaml";

    /// <summary>An author's scenarios (CL, dev): Dezhou/Yucheng water and heating, northwestern Shandong speech, root causes on their boundaries (billing disputes or not, before or after a time limit, notices that did or did not arrive); two outage clusters.</summary>
    public const string Dev96 = "tests/repeats/dev-chains-96.yaml";

    /// <summary>An author's scenarios (CW, dev): Shangqiu/Yongcheng water and heating, eastern Henan speech, root causes easy to misread (billing repeats or disputes, before or after a time limit, notices that did or did not arrive); one outage cluster.</summary>
    public const string Dev97 = "tests/repeats/dev-chains-97.yaml";

    /// <param name="acts">Read the customers' lines with the act model too, as the product does (false: the cue lists alone).</param>
    public static LabelledChainSet Load(RepeatPolicy policy, string file = Dev, bool acts = true)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(TestPaths.Repository, file)))
            stream.Load(reader);
        var finder = new RepeatCueFinder(policy);
        var calls = new List<CallContact>();
        var chains = new List<(IReadOnlyList<string>, RootCause)>();
        var clusters = new List<IReadOnlyList<string>>();
        var scenarios = (YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["scenarios"];
        foreach (YamlMappingNode scenario in scenarios)
        {
            foreach (YamlMappingNode call in (YamlSequenceNode)scenario["calls"])
            {
                string? Text(string key) => call.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;
                calls.Add(new CallContact
                {
                    CallId = Text("id")!,
                    StartedAt = DateTimeOffset.Parse(Text("at")!, CultureInfo.InvariantCulture),
                    Outbound = Text("direction") == "outbound",
                    CallerNumber = Text("caller"),
                    AccountNo = Text("account"),
                    Region = Text("region"),
                    Category = Text("category"),
                    AgentId = Text("agent"),
                    Team = Text("team"),
                    Score = int.Parse(Text("score") ?? "100", CultureInfo.InvariantCulture),
                    Rules = call.Children.TryGetValue(new YamlScalarNode("rules"), out var rules) ? [.. ((YamlSequenceNode)rules).Select(r => ((YamlScalarNode)r).Value!)] : [],
                    Cues = finder.Find(Text("customer") ?? "", Text("agent_says") ?? "", acts ? RepeatTestKit.CustomerActs(Text("customer") ?? "") : null, Text("direction") == "outbound"),
                });
            }
            var expected = (YamlMappingNode)scenario["expected"];
            if (expected.Children.TryGetValue(new YamlScalarNode("chains"), out var chainList) && chainList is YamlSequenceNode chainSequence)
            {
                foreach (YamlMappingNode chain in chainSequence)
                    chains.Add(([.. ((YamlSequenceNode)chain["calls"]).Select(c => ((YamlScalarNode)c).Value!)], Enum.Parse<RootCause>(((YamlScalarNode)chain["root_cause"]).Value!)));
            }
            if (expected.Children.TryGetValue(new YamlScalarNode("clusters"), out var clusterList) && clusterList is YamlSequenceNode clusterSequence)
            {
                foreach (YamlMappingNode cluster in clusterSequence)
                    clusters.Add([.. ((YamlSequenceNode)cluster["calls"]).Select(c => ((YamlScalarNode)c).Value!)]);
            }
        }
        return new LabelledChainSet(calls, chains, clusters, scenarios.Children.Count);
    }
}
