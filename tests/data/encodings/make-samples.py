#!/usr/bin/env python3
"""make-samples.py — builds samples.tsv, the encoding data set: corpus
titles, sentences and paragraphs (and some Japanese, Korean and Latin text
newsdesk does not take) encoded with iconv. Traditional text for Big5 comes
from opencc (s2tw: Taiwan forms, which Big5 has) when it is installed, else from the small table below.
Run from the repository root:
    python3 tests/data/encodings/make-samples.py > tests/data/encodings/samples.tsv
Each line: the encoding (as the refusal names it), what the sample is, the
bytes in hex, and the text they hold (\\n for a line break)."""
import glob, os, random, re, shutil, subprocess, sys

CORPUS = os.environ.get('CORPUS', '/work/shared/corpus')

# Enough 简→繁 for the corpus's common words, when opencc is missing.
S2T = dict(zip(
    '总会进讲纵劳动职业务区县镇员发开关实现为这们个对时来说过还经济设统计领导组织'
    '团结华乐书读车专业务举办术竞赛协调动态优质权奖传广东儿宁强带岗补贴问题线网络'
    '产阶级门户红闻报记者讯电学习热点庆艺术术语类别给钟头气温万亿转调护卫环质量',
    '總會進講縱勞動職業務區縣鎮員發開關實現為這們個對時來說過還經濟設統計領導組織'
    '團結華樂書讀車專業務舉辦術競賽協調動態優質權獎傳廣東兒寧強帶崗補貼問題線網絡'
    '產階級門戶紅聞報記者訊電學習熱點慶藝術術語類別給鐘頭氣溫萬億轉調護衛環質量'))

JAPANESE = [
    'お問い合わせ', 'ニュース速報', '東京都の天気', '労働組合の大会が開かれました。',
    'お知らせ：会議は午後三時からです。', '本日の記者会見について', 'ありがとうございました',
    'よろしくお願いします', '新しい技術を学ぶ職人たち', '春の交通安全運動が始まります。',
    'こちらは編集部です。原稿をお送りします。', '工場で働く人々の声を聞きました。',
    'ホームページを更新しました', '第三回全国大会のお知らせ', 'この記事の内容について質問があります。',
    '大阪で開かれた展示会には多くの人が訪れた。', 'メールアドレスを確認してください。',
    '明日は雨が降るでしょう。', '写真は記者が撮影しました。', '会員の皆様へ',
]
KOREAN = [
    '안녕하세요', '감사합니다', '노동조합 대회가 열렸습니다.', '서울의 날씨', '오늘의 뉴스',
    '기자 회견에 대해 알려 드립니다.', '회의는 오후 세 시에 시작합니다.', '새로운 기술을 배우는 사람들',
    '우리는 함께 일합니다.', '문의 사항이 있으면 연락해 주십시오.', '공장에서 일하는 사람들의 이야기',
    '이 기사에 대해 질문이 있습니다.', '사진은 기자가 찍었습니다.', '내일은 비가 오겠습니다.',
    '전국 대회 안내', '회원 여러분께', '한국 경제 신문', '정부는 새로운 정책을 발표했다.',
    '학생들이 학교에서 공부한다.', '많은 사람들이 전시회를 찾았다.',
]
LATIN = [
    'Zürich Straße', 'Café résumé', 'São Paulo', 'Málaga, España', 'Größe und Höhe',
    'Crème brûlée à la française', 'Ærøskøbing', 'Señor Muñoz', 'Kraków–Gdańsk',
    'Die Gewerkschaft traf sich in München.', 'Le syndicat a organisé une réunion à Genève.',
    'El sindicato celebró su congreso en Córdoba.', 'Ótimo trabalho, obrigado!',
    'Über die Brücke', 'Naïve façade', 'Fußball-Weltmeisterschaft', 'Jürgen Müller',
    'Préfecture de Nîmes', 'Åsa Öberg', 'Ça coûte 5 €', 'Ein schöner Tag in Köln',
    'Straßenbahn fährt um 8 Uhr', 'Voilà, c’est fini', 'Niño, año, señal',
]


def corpus_lines():
    titles, sentences, paragraphs = [], [], []
    for path in sorted(glob.glob(CORPUS + '/*.txt')):
        for line in open(path, encoding='utf-8').read().split('\n'):
            line = line.strip()
            if not line or line.isascii():
                continue
            if len(line) <= 24 and '。' not in line:
                titles.append(line)
            elif len(line) > 60:
                paragraphs.append(line)
            for s in re.findall(r'[^。！？]{6,60}[。！？]', line):
                sentences.append(s)
            # short phrases stand in for titles: the hardest case
            for s in re.split(r'[，。！？、,：:；;“”《》（）()]', line):
                if 4 <= len(s) <= 12 and not s.isascii():
                    titles.append(s)
    return titles, sentences, paragraphs


def traditional(texts):
    if shutil.which('opencc'):
        out = subprocess.run(['opencc', '-c', 's2tw'], input='\n'.join(texts), text=True,
                             capture_output=True, check=True).stdout
        return out.split('\n')[:len(texts)]
    return [''.join(S2T.get(c, c) for c in t) for t in texts]


def encode(text, enc):
    try:
        return text.encode({'GB18030': 'gb18030', 'Big5': 'big5', 'UTF-8': 'utf-8',
                            'UTF-16LE': 'utf-16-le', 'UTF-16BE': 'utf-16-be',
                            'Shift_JIS': 'cp932', 'EUC-KR': 'euc-kr',
                            'Latin-1 (Windows-1252)': 'cp1252'}[enc])
    except UnicodeEncodeError:
        return None


def main():
    rng = random.Random(20)
    titles, sentences, paragraphs = corpus_lines()
    rng.shuffle(titles)
    rng.shuffle(sentences)
    rng.shuffle(paragraphs)
    plan = []  # (encoding, kind, text)
    for t in titles[:80]:
        plan.append(('GB18030', 'title', t))
    for t in sentences[:60]:
        plan.append(('GB18030', 'sentence', t))
    for t in paragraphs[:15]:
        plan.append(('GB18030', 'paragraph', t))
    for kind, group in (('title', titles[80:160]), ('sentence', sentences[60:120]),
                        ('paragraph', paragraphs[15:30])):
        for t in traditional(group):
            plan.append(('Big5', kind, t))
    plan.append(('Big5', 'title', '都有自己的'))
    for t in titles[160:180] + sentences[120:130]:
        plan.append(('UTF-8', 'title' if len(t) <= 24 else 'sentence', t))
    for t in titles[180:210] + sentences[130:150]:
        plan.append(('UTF-16LE', 'title' if len(t) <= 24 else 'sentence', t))
    for t in titles[210:225] + sentences[150:160]:
        plan.append(('UTF-16BE', 'title' if len(t) <= 24 else 'sentence', t))
    for enc, texts in (('Shift_JIS', JAPANESE), ('EUC-KR', KOREAN),
                       ('Latin-1 (Windows-1252)', LATIN)):
        for t in texts:
            plan.append((enc, 'title' if len(t) <= 16 else 'sentence', t))
    print('# encoding\tkind\tbytes (hex)\ttext — made by make-samples.py; see there')
    kept = 0
    for enc, kind, text in plan:
        data = encode(text, enc)
        if data is None:
            continue  # a character the encoding does not have
        print(f'{enc}\t{kind}\t{data.hex()}\t{text}')
        kept += 1
    print(f'{kept} samples', file=sys.stderr)


main()
