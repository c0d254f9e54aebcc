// Writes the demo county's roster CSVs into seeds/roster/. Run from the repository root:
//   dotnet run seeds/generate-demo-roster.cs
// The output is committed data; this script only explains where it came from and regenerates it the same way
// (a fixed random seed). Every name is made up; the shape follows the county report: townships, villages,
// a county leader, a first secretary and a work-team member per village, helping cadres from county departments,
// every household paired ("只做加法"), some with two cadres.
using System.Text;

var output = args.Length > 0 ? args[0] : Path.Combine("seeds", "roster");
Directory.CreateDirectory(output);
var random = new Random(2017);

(string Id, string Name, (string Id, string Name, int Households, string[] Groups)[] Villages)[] townships =
[
    ("T01", "青岩乡", [("V0101", "青岩村", 20, ["一组", "二组", "三组"]), ("V0102", "上寨村", 18, ["上寨", "下寨"]), ("V0103", "花椒坪村", 19, ["一组", "二组"])]),
    ("T02", "白水镇", [("V0201", "白水村", 19, ["一组", "二组", "三组"]), ("V0202", "龙潭村", 18, ["一组", "二组"]), ("V0203", "杉树湾村", 20, ["一组", "二组", "三组"])]),
    ("T03", "松坪乡", [("V0301", "松坪村", 18, ["上寨", "中寨", "下寨"]), ("V0302", "草地村", 18, ["一组", "二组"])]),
];

string[] surnames = ["王", "张", "李", "杨", "陈", "刘", "赵", "周", "何", "罗", "唐", "蒲", "宋", "郭", "冯"];
string[] givenNames = ["德明", "秀英", "国华", "桂兰", "建军", "玉珍", "志明", "春花", "永福", "凤英", "世平", "成林", "文秀", "光荣", "正全", "兰芳"];
string[] tibetanNames = ["扎西", "卓玛", "泽郎", "央珍", "旦真", "尼玛", "格绒", "桑吉", "拉姆", "达瓦", "次仁", "多吉", "措姆", "格桑", "降措", "白玛"];
string[] units = ["县农业农村局", "县交通运输局", "县卫生健康局", "县教育局", "县林业和草原局", "县水务局", "县人社局", "县财政局", "县文化旅游局", "县司法局", "县民政局", "县自然资源局", "县市场监管局"];

var villages = townships.SelectMany(t => t.Villages.Select(v => (Township: t.Id, v.Id, v.Name, v.Households, v.Groups))).ToList();
var households = new List<string[]>();
var byVillage = new Dictionary<string, List<string>>();
foreach (var village in villages)
{
    var ids = new List<string>();
    for (var i = 1; i <= village.Households; i++)
    {
        var id = $"H{village.Id[1..]}{i:D3}";
        ids.Add(id);
        households.Add([id, village.Id, village.Groups[random.Next(village.Groups.Length)], HeadName(village.Id, i), random.Next(1, 8).ToString(), Tags(), Phone()]);
    }

    byVillage[village.Id] = ids;
}

// Near-duplicates on purpose, so the demo shows the numbered choice and the similar-name match:
// 王德明 (青岩村) and 汪德明 (上寨村), 张秀英 in 青岩村 and in 花椒坪村.
Rename("H0101001", "王德明");
Rename("H0102003", "汪德明");
Rename("H0101004", "张秀英");
Rename("H0103002", "张秀英");

List<string[]> cadres = [["C001", "马建川", "县委", "CountyLeader", ""]];
string[] secretaries = ["林文涛", "赵小川", "周敏", "何春林", "杨晓东", "郭丽", "宋国强", "唐静"];
string[] workTeam = ["陈浩", "罗雪梅", "冯涛", "李娜", "蒲俊", "张勇", "王芳", "刘洋"];
string[] helpers = ["谢开明", "王剑锋", "吴红", "黄建", "郑秀兰", "孙伟", "胡斌", "高敏", "曾丽华", "彭勇", "邓小梅", "韩磊", "曹阳"];
for (var v = 0; v < villages.Count; v++)
{
    cadres.Add([$"C1{v + 1:D2}", secretaries[v], units[v % units.Length], "FirstSecretary", villages[v].Id]);
    cadres.Add([$"C2{v + 1:D2}", workTeam[v], units[(v + 4) % units.Length], "WorkTeam", villages[v].Id]);
}

for (var h = 0; h < helpers.Length; h++)
{
    cadres.Add([$"C3{h + 1:D2}", helpers[h], units[h % units.Length], "HelpingCadre", ""]);
}

// Each household gets one cadre: the first secretary takes the first ones of the village (8 in 青岩村, the demo
// cadre's village, 6 elsewhere), the work-team member the next 5, helping cadres the rest.
var pairings = new List<string[]>();
for (var v = 0; v < villages.Count; v++)
{
    var ids = byVillage[villages[v].Id];
    var secretaryShare = v == 0 ? 8 : 6;
    for (var i = 0; i < ids.Count; i++)
    {
        var cadre = i < secretaryShare ? $"C1{v + 1:D2}"
            : i < secretaryShare + 5 ? $"C2{v + 1:D2}"
            : $"C3{((v * 2) + (i % 2)) % helpers.Length + 1:D2}";
        pairings.Add([cadre, ids[i]]);
    }
}

// 只做加法: some households have a second cadre; the county leader is paired with three households in 白水村.
foreach (var id in byVillage["V0201"].Take(3))
{
    pairings.Add(["C001", id]);
}

foreach (var id in households.Select(h => h[0]).Where(id => !id.StartsWith("H0101", StringComparison.Ordinal)).OrderBy(_ => random.Next()).Take(25))
{
    var helper = $"C3{random.Next(helpers.Length) + 1:D2}";
    if (!pairings.Any(p => p[0] == helper && p[1] == id))
    {
        pairings.Add([helper, id]);
    }
}

string[][] staff =
[
    ["S01", "何静", "county"],
    ["S02", "李晓红", "T01"],
    ["S03", "杨帆", "T02"],
    ["S04", "次仁拉姆", "T03"],
];

Write("townships.csv", ["id", "name"], townships.Select(t => new[] { t.Id, t.Name }));
Write("villages.csv", ["id", "name", "township_id"], villages.Select(v => new[] { v.Id, v.Name, v.Township }));
Write("cadres.csv", ["id", "name", "unit", "role", "village_id"], cadres);
Write("staff.csv", ["id", "name", "office"], staff);
Write("households.csv", ["id", "village_id", "group", "head_name", "members", "tags", "phone"], households);
Write("pairings.csv", ["cadre_id", "household_id"], pairings);
Write("demo-identities.csv", ["user_id", "role", "person_id"], [["demo-cadre", "cadre", "C101"], ["demo-staff", "staff", "S02"]]);
Console.WriteLine($"{households.Count} households, {cadres.Count} cadres, {pairings.Count} pairings, {staff.Length} staff -> {output}");

string HeadName(string villageId, int i) =>
    // 上寨村 and the 松坪乡 villages are mostly Tibetan, like the report's 藏族 households.
    (villageId is "V0102" or "V0301" or "V0302") && i % 4 != 0
        ? tibetanNames[random.Next(tibetanNames.Length)] + (random.Next(3) == 0 ? tibetanNames[random.Next(tibetanNames.Length)] : "")
        : surnames[random.Next(surnames.Length)] + givenNames[random.Next(givenNames.Length)];

string Tags()
{
    var tags = new List<string>();
    var roll = random.Next(100);
    if (roll < 30)
    {
        tags.Add("建档立卡");
        if (random.Next(100) < 60)
        {
            tags.Add("已脱贫");
        }
    }

    if (random.Next(100) < 15)
    {
        tags.Add("低保");
    }

    if (random.Next(100) < 8)
    {
        tags.Add("残疾");
    }

    if (random.Next(100) < 3)
    {
        tags.Add(random.Next(2) == 0 ? "五保" : "特困");
    }

    return string.Join("、", tags);
}

string Phone() => random.Next(100) < 70 ? $"1380000{random.Next(10000):D4}" : "";

void Rename(string id, string name) => households.Single(h => h[0] == id)[3] = name;

void Write(string file, string[] header, IEnumerable<string[]> rows)
{
    var text = new StringBuilder();
    text.Append(string.Join(',', header)).Append('\n');
    foreach (var row in rows)
    {
        text.Append(string.Join(',', row)).Append('\n');
    }

    File.WriteAllText(Path.Combine(output, file), text.ToString(), new UTF8Encoding(false));
}
