#!/usr/bin/env python3
"""Cuts the corpus pages in demo/ into one file per article, for the filing
tests, and writes tests/data/articles/expected.tsv with the fields a careful
editor reads off each article (checked by hand against the pages).

Photo captions without a headline and the orphaned continuations are left
out: they are not something a reporter files as a story (the importer's
tests cover them). Run from the project root; the output is committed.
"""
import os

PAGES = {
    'a': 'demo/000_4ad8dda8878dd78b.txt',
    'b': 'demo/001_32b84fd1deb61441.txt',
    'c': 'demo/003_3e16ec6b22cd13a7.txt',
}

# name, page, [(first, last) line ranges, 1-based inclusive], kicker, headline, dateline, byline
ARTICLES = [
    ('a01', 'a', [(5, 23)], '', '大丰区总工会“双进”宣讲向纵深挺进', '本刊讯', '朱建良 王娟 仲齐慧'),
    ('a02', 'a', [(25, 41)], '', '建湖县总工会“劳模工匠助企行”点燃“新引擎”', '本刊讯', '陈荣中'),
    ('a03', 'a', [(43, 55)], '', '盐城经开区纵深推进“劳模工匠助企行”', '本刊讯', '季亚婷 蔡梅'),
    ('a04', 'a', [(61, 65)], '', '滨海县总工会深化产改打造“硬核”增长极', '本刊讯', ''),
    ('a05', 'a', [(73, 79)], '', '射阳县工人文化宫打造最美职工书屋', '本刊讯', '郁超 金达嘉'),
    ('a06', 'a', [(81, 93)], '', '盐南高新区总工会“幸福驿站”持续升级', '本刊讯', '郭敏'),
    ('a07', 'a', [(103, 113)], '', '阜宁县总工会劳动和技能竞赛向“新”发力', '本刊讯', '郑青青 周永祥'),
    ('a08', 'a', [(115, 123)], '', '琼港农场工会发挥组织优势凝聚职工力量', '本刊讯', ''),
    ('b01', 'b', [(3, 39)], '在不断升级的过程中“吐故纳新”', '海宁工会品牌创新工作让服务味更足',
     '记者金钧胤报道', ''),
    ('b02', 'b', [(41, 51)], '', '台州路桥工会升级打造宣讲队伍 致力“班前十分钟”让职工听了还想听',
     '本报讯 通讯员金闻报道', ''),
    ('b03', 'b', [(55, 67)], '', '舟山为出租车、网约车司机建“家” 助力他们: 奔跑无忧 拼搏无碍 追梦无愁',
     '本报讯 记者李国峰 通讯员蒋海凤报道', ''),
    ('b04', 'b', [(69, 81)], '', '从“邻居”变“家人” 台州黄岩成立新业态工会联盟',
     '本报讯 通讯员项微 记者潘仙德报道', ''),
    ('b05', 'b', [(83, 95)], '把理论讲活 把道理讲实', '杭州拱墅区总工会特色宣讲接地气入人心',
     '本报讯 见习记者金鑫报道', ''),
    ('b06', 'b', [(103, 121)], '', '做共富路上“领跑员” 浦江劳模工匠服务职企健康发展',
     '通讯员江肖娴 记者羊荣江报道', ''),
    ('b07', 'b', [(101, 101), (125, 137)], '',
     '宁波鄞州“最强技师”出手 解决了技术难题 还提出了节流方案', '本报讯 记者张浩呈 通讯员翁晓东报道', ''),
    ('c01', 'c', [(3, 11)], '', '全总机关干部赴基层蹲点组累计推动1.7万职工入会',
     '本报北京7月5日电 (记者郑莉 朱欣)', ''),
    ('c02', 'c', [(13, 31)], '', '山东省建材工会提升产业工人创新力 “五项赋能”助力产业工人“加速跑”',
     '本报讯 (记者田国奎 通讯员徐福松)', ''),
    ('c03', 'c', [(33, 35)], '', '江苏省核电重点工程项目劳动竞赛启动', '本报讯 (记者黄洪涛 通讯员陈静)', ''),
    ('c04', 'c', [(39, 43)], '', '为环卫工送清凉', '', ''),
    ('c05', 'c', [(45, 47)], '', '北京密云区总举办家政服务技能大赛', '本报讯 (记者赖志凯 通讯员包秀媛)', ''),
    ('c06', 'c', [(49, 57)], '', '不断扩容的“关爱礼包”', '', '本报记者 陈华 本报通讯员 王秀玲 李宜胜'),
    ('c07', 'c', [(59, 61)], '', '山东鄞城县职工幸福直通车开通运营', '本报讯 (通讯员房正)', ''),
    ('c08', 'c', [(63, 83)], '襄阳市总开展“求学圆梦”职工学历提升行动,受到产业工人的广泛欢迎——',
     '210万元补贴助千余名职工圆大学梦', '', '本报记者 张静 本报通讯员 汪璐 朱晓东'),
    ('c09', 'c', [(85, 91)], '', '一次及时的紧急停车', '', '本报记者 毛浓曦 本报通讯员 祝盼'),
    ('c10', 'c', [(99, 103)], '', '104个专业供职工自主选择', '', '本报特约记者 朱润胜 本报通讯员 王睿睿 摄'),
]


def main():
    out_dir = 'tests/data/articles'
    os.makedirs(out_dir, exist_ok=True)
    pages = {k: open(v, encoding='utf-8').read().split('\n') for k, v in PAGES.items()}
    rows = ['file\tkicker\theadline\tdateline\tbyline']
    for name, page, ranges, kicker, headline, dateline, byline in ARTICLES:
        lines = []
        for first, last in ranges:
            lines.extend(pages[page][first - 1:last])
        text = '\n'.join(lines).strip('\n') + '\n'
        with open(os.path.join(out_dir, name + '.txt'), 'w', encoding='utf-8') as f:
            f.write(text)
        rows.append('\t'.join([name + '.txt', kicker, headline, dateline, byline]))
    with open(os.path.join(out_dir, 'expected.tsv'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(rows) + '\n')


if __name__ == '__main__':
    main()
