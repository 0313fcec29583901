"""Multilingual phrase lists, one tuple per kind of boilerplate.

Both the HTML cleaners and the plain-text (dump) cleaners read these, so a phrase
added here works in both. Each list covers at least en, ko, zh, ja, de, fr, es.
Matching is on whitespace-squashed, lower-cased text (see :func:`phrase_regex`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .regex_cache import rx
from .regex_trie import trie

TOOLBAR = (
    # en
    "print", "print this article", "font size", "text size", "listen", "listen to this article",
    "save", "bookmark", "scrap", "copy link", "zoom in", "zoom out",
    # ko
    "도구모음", "글자크기 설정", "글자 크기", "글씨크기", "인쇄", "프린트", "스크랩", "음성으로 듣기",
    "기사 듣기", "url 복사", "링크 복사", "본문 글씨 키우기", "본문 글씨 줄이기", "가", "가+", "가-",
    # ja
    "印刷", "文字サイズ", "保存", "ブックマーク",
    # zh
    "打印", "字号", "字体", "收藏", "复制链接",
    # de
    "drucken", "schriftgröße", "merken", "vorlesen",
    # fr
    "imprimer", "taille du texte", "écouter", "sauvegarder",
    # es
    "imprimir", "tamaño de letra", "guardar", "escuchar",
    # more toolbar labels (added with the text-dump cleaners)
    "a+", "a-", "aa", "gift this article", "listen to article", "reading mode",
    "가가가가", "글씨키우기", "글씨줄이기", "글자 크게", "글자 작게", "인쇄하기",
    "文字サイズ 小中大", "小中大", "大中小", "大 中 小", "小 中 大", "打印本页", "关闭窗口",
    "artikel merken", "artikel vorlesen", "artikel drucken",
    "offrir l'article", "offrir l’article", "lire plus tard", "écouter l'article",
    "escuchar noticia", "guardar noticia",
)

SHARE = (
    "share", "share this", "share this article", "share on facebook", "share on twitter",
    "tweet", "facebook", "twitter", "linkedin", "whatsapp", "email", "pinterest", "reddit",
    "google+", "google plus", "telegram", "print", "e-mail", "share it with friends", "share with friends",
    "share this story", "share this post", "share on", "share via",
    "공유", "공유하기", "페이스북", "트위터", "카카오톡", "카카오스토리", "밴드", "네이버",
    "シェア", "この記事をシェア", "ツイート", "はてなブックマーク",
    "分享", "分享到", "微信", "微博", "qq空间",
    "teilen", "artikel teilen",
    "partager", "partager cet article",
    "compartir", "compartir en facebook",
    # more share labels (added with the text-dump cleaners)
    "share on x", "share this story", "x", "e-mail", "telegram", "line", "messenger", "flipboard",
    "엑스", "url복사", "네이버밴드", "공유하기",
    "ポスト", "シェアする", "lineで送る", "はてなブックマークに追加",
    "新浪微博", "分享到", "qq空间",
    "per e-mail teilen", "partager sur facebook", "partager sur x", "copier le lien",
    "compartir en x", "compartir en whatsapp",
)

COMMENTS = (
    "comments", "comment", "leave a comment", "leave a reply", "post a comment", "add a comment",
    "show comments", "view comments", "join the conversation", "reply", "report", "load more comments",
    "log in to comment", "sign in to comment", "you must be logged in to post a comment",
    "댓글", "댓글쓰기", "댓글 쓰기", "댓글작성", "로그인 후 댓글작성이 가능합니다.",
    "로그인 하시겠습니까?", "댓글을 삭제 하시겠습니까?", "이미 참여하셨습니다.",
    "이미 신고 접수한 게시물입니다.", "신고사유", "신고접수가 완료되었습니다.",
    "차단해제 하시겠습니까?", "사용자 차단 시 현재 사용자의 게시물을 보실 수 없습니다.",
    "コメント", "コメントする", "コメントを書く",
    "评论", "发表评论", "网友评论", "我要评论",
    "kommentare", "kommentieren", "kommentar schreiben",
    "commentaires", "commenter", "réagir", "laisser un commentaire",
    "comentarios", "comentar", "deja un comentario",
    "tell us what you think", "what do you think?", "have your say", "join the discussion",
    "comentários", "deixe seu comentário", "deixe um comentário", "lascia un commento", "commenti",
    "добавить отзыв", "отзывы", "комментарии", "оставить комментарий", "tinggalkan komentar", "komentar",
)

DIALOG = (
    "close", "cancel", "ok", "confirm", "yes", "no",
    "닫기", "취소", "확인", "예", "아니오",
    "閉じる", "キャンセル",
    "关闭", "取消", "确定",
    "schließen", "abbrechen",
    "fermer", "annuler",
    "cerrar", "cancelar",
    # script placeholders left in a copy (added with the text-dump cleaners)
    "loading", "loading…", "loading...", "please enable javascript", "please enable javascript to read this article",
    "javascript is disabled", "読み込み中", "로딩 중", "加载中", "wird geladen", "chargement", "cargando",
)

RELATED = (
    "related", "related articles", "related stories", "related news", "read more", "read also",
    "more stories", "more from", "recommended", "recommended for you", "you may also like",
    "you might also like", "more on this story", "see also", "trending", "popular",
    "most read", "most popular", "most viewed", "most shared", "top stories", "editor's picks",
    "관련기사", "관련 기사", "관련뉴스", "추천기사", "많이 본 뉴스", "많이 본 기사", "실시간 인기",
    "인기기사", "인기 기사", "주요뉴스", "최신뉴스", "이 시각 주요뉴스", "랭킹뉴스", "포토뉴스",
    "関連記事", "関連ニュース", "アクセスランキング", "ランキング", "人気記事", "おすすめ記事",
    "相关阅读", "相关新闻", "相关文章", "热门推荐", "热点新闻", "排行榜", "推荐阅读", "猜你喜欢",
    "mehr zum thema", "das könnte sie auch interessieren", "meistgelesen", "meistgelesene artikel",
    "lire aussi", "à lire aussi", "les plus lus", "sur le même sujet", "a lire aussi",
    "noticias relacionadas", "lo más leído", "te puede interesar", "más noticias", "lee también",
    # more related-link labels and previous/next links (added with the text-dump cleaners)
    "more coverage", "read next", "up next", "previous article", "next article",
    "auch interessant", "lesen sie auch", "vorheriger artikel", "nächster artikel",
    "article précédent", "article suivant", "artículo anterior", "artículo siguiente",
    "다른기사 보기", "다른 기사 보기", "이전기사", "다음기사",
    "前の記事", "次の記事",
    "上一篇", "下一篇", "相关新闻", "点击排行",
    # pt, it, ru, id: the other languages of news the benchmarks hold
    "leia também", "leia mais", "veja também", "notícias relacionadas", "mais lidas", "relacionadas",
    "leggi anche", "articoli correlati", "più letti", "potrebbe interessarti",
    "читайте также", "похожие статьи", "самые популярные", "популярное", "по теме", "другие новости",
    "baca juga", "berita terkait", "terpopuler", "artikel terkait",
    "previous", "next", "previous post", "next post", "older post", "newer post",
    "explore further", "learn more", "more stories", "more from this author", "more great stories",
)

NEWSLETTER = (
    "newsletter", "subscribe", "subscribe to our newsletter", "sign up", "sign up for our newsletter",
    "get the latest", "enter your email", "your email address",
    "뉴스레터", "구독", "구독하기", "뉴스레터 구독",
    "メールマガジン", "メルマガ", "購読", "登録",
    "订阅", "订阅我们", "邮件订阅",
    "newsletter abonnieren", "abonnieren", "jetzt abonnieren",
    "abonnez-vous", "inscrivez-vous à notre newsletter", "s'abonner",
    "suscríbete", "suscribirse", "suscríbete a nuestro boletín", "boletín",
    # support and paywall prompts (added with the text-dump cleaners)
    "support our journalism", "become a member", "donate", "subscribe now", "subscribers only",
    "후원하기", "좋은 기사를 위한 후원",
    "有料会員になる", "この記事は有料会員記事です。", "会員登録",
    "jetzt unterstützen", "abo abschließen",
    "soutenez-nous", "réservé aux abonnés",
    "hazte socio", "exclusivo para suscriptores",
)

CONSENT = (
    "we use cookies", "this website uses cookies", "this site uses cookies", "accept cookies",
    "accept all", "cookie settings", "cookie policy", "manage preferences", "privacy settings",
    "쿠키", "쿠키 설정", "개인정보 처리방침",
    "クッキー", "cookieの使用",
    "使用cookie", "cookie政策",
    "wir verwenden cookies", "zustimmen", "alle akzeptieren", "cookie-einstellungen",
    "nous utilisons des cookies", "accepter", "tout accepter", "paramètres des cookies",
    "utilizamos cookies", "aceptar", "aceptar todas", "configuración de cookies",
    # (added with the text-dump cleaners)
    "we and our partners use cookies", "we and our partners", "wir brauchen ihre zustimmung",
    "votre vie privée nous importe",
)

COPYRIGHT = (
    "all rights reserved", "copyright", "reproduction prohibited", "may not be reproduced",
    "무단전재", "재배포 금지", "무단 전재", "재배포금지", "저작권자", "ⓒ", "©",
    "無断転載", "無断転載を禁じます", "著作権",
    "版权所有", "未经授权", "禁止转载", "不得转载", "版权声明",
    "alle rechte vorbehalten",
    "tous droits réservés", "reproduction interdite",
    "todos los derechos reservados", "prohibida su reproducción",
)

IMAGE_UI = (
    "enlarge this image", "enlarge", "view gallery", "open gallery", "view larger", "expand image",
    "full screen", "fullscreen", "previous image", "next image", "click to enlarge",
    "기사 이미지 확대 보기", "이미지 확대", "확대보기", "사진 확대", "이전 사진", "다음 사진",
    "画像を拡大", "拡大する", "写真を拡大",
    "点击查看大图", "查看大图", "放大",
    "bild vergrößern", "galerie öffnen", "vergrößern",
    "agrandir l'image", "agrandir", "voir la galerie",
    "ampliar imagen", "ampliar", "ver galería",
    # gallery controls (added with the text-dump cleaners)
    "view all photos", "포토 전체보기", "전체보기", "写真一覧", "查看全部图片", "alle bilder", "toutes les photos",
)

AI_SUMMARY = (
    "ai summary", "ai-generated summary", "summarized by ai", "key points",
    "ai 기사요약", "ai 요약", "기사요약", "ai기술로 자동 요약된 내용입니다",
    "ai要約", "ai による要約", "要約",
    "ai摘要", "ai总结", "内容摘要",
    "ki-zusammenfassung", "zusammenfassung",
    "résumé ia", "résumé généré par ia",
    "resumen ia", "resumen generado por ia",
)

ADS = (
    "advertisement", "advertising", "advert", "sponsored", "sponsored content", "ad", "ads", "promoted",
    "publicidade", "pubblicità", "реклама",
    "광고", "애드", "스폰서",
    "広告", "スポンサー", "スポンサーリンク", "pr",
    "广告", "推广", "赞助",
    "anzeige", "werbung", "gesponsert",
    "publicité", "sponsorisé",
    "publicidad", "patrocinado",
)


def any_phrase(phrases: Iterable[str]) -> str:
    """A regex group matching any of ``phrases``, for a pattern that reads on after it.

    A trie: the start of a block tries a few letters, not every phrase. A phrase that another
    one starts is kept ("(?:)" is no empty ending): what follows may fit either.
    """
    return trie(((p, "phrase") for p in phrases), {"phrase": "(?:)"})


def phrase_regex(phrases: Iterable[str], *, whole: bool = True) -> re.Pattern[str]:
    """Compile phrases into one case-insensitive pattern.

    ``whole`` matches a whole (squashed) line or block; otherwise the phrase may
    appear anywhere, bounded by non-letters on the sides where it has letters.
    """
    phrases = tuple(phrases)
    if whole:
        return rx(rf"^\W*{any_phrase(phrases)}\W*$", re.IGNORECASE)
    # longest first: a substitution takes the longest phrase at a position
    body = "|".join(sorted((re.escape(p) for p in phrases), key=len, reverse=True))
    return rx(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


# -- added for plain-text dumps (textdump); usable by the HTML cleaners too ----------

COUNTER_NOUNS = (
    # what a widget counts: "0 comments", "댓글 0", "1.2k views"
    "comments", "comment", "replies", "reply", "views", "shares", "likes", "reactions", "reads",
    "댓글", "개의 댓글", "조회", "조회수", "공감", "추천", "좋아요", "공유",
    "コメント", "件のコメント", "いいね", "閲覧",
    "评论", "条评论", "阅读", "点赞", "浏览", "分享",
    "kommentare", "kommentar", "aufrufe", "teilen",
    "commentaires", "commentaire", "vues", "partages",
    "comentarios", "comentario", "visitas", "compartidos", "me gusta",
)

META_LABELS = (
    # screen-reader labels announcing the byline/date block rather than being it
    "author information", "article information", "article details", "byline", "posted in",
    "기자정보", "기사등록일", "기자 정보", "기사 정보", "기사입력", "등록일",
    "記事情報", "著者情報",
    "作者信息", "文章信息",
    "autoreninformation", "artikelinformationen",
    "informations sur l'auteur",
    "información del autor",
)

REPRINT = (
    # reprint and syndication notices
    "reprinted with permission", "republished with permission", "distributed by",
    "전재 및 재배포 금지", "재판매 및 db 금지", "무단 전재-재배포 금지", "재배포 및 ai학습 이용 금지",
    "転載禁止", "無断複製",
    "转载请注明出处", "转载请注明来源",
    "nachdruck nur mit genehmigung",
    "reproduction interdite sans autorisation",
    "queda prohibida la reproducción",
    # disclaimers and editor credits that close an article
    "免责声明", "责任编辑", "責任編輯",
)

CAPTION_CREDITS = (
    # words that introduce a photo credit: "[사진=서울시]", "Photo: AP", "（图片来源：新华社）"
    "photo", "photos", "image", "picture", "credit", "photograph", "foto", "fotos", "bild",
    "사진", "자료사진", "그래픽", "이미지", "사진제공",
    "写真", "画像", "提供",
    "图片来源", "图片", "图", "摄影", "照片",
    "bild", "foto", "quelle",
    "crédit photo", "crédits photo", "illustration",
    "imagen", "fotografía",
)

COMMENT_NOUNS = (
    # the word a comment section's heading is built on: "34 Comments", "Top rated comments"
    "comments", "comment", "responses", "replies", "reactions", "discussion", "conversation",
    "댓글", "의견",
    "コメント", "みんなの意見",
    "评论", "留言", "网友评论",
    "kommentare", "leserkommentare", "diskussion",
    "commentaires", "réactions",
    "comentarios", "opiniones",
)

TAGS = (
    # labels of a tag or category row: "Tags: a, b, c", "Filed under: ..."
    "tags", "tagged", "tagged with", "topics", "filed under", "categories", "category", "keywords",
    "more about", "related topics",
    "태그", "키워드", "관련 키워드",
    "タグ", "関連タグ", "キーワード",
    "标签", "关键词", "相关标签",
    "schlagwörter", "themen", "stichwörter",
    "étiquettes", "mots-clés", "thèmes", "sujets",
    "etiquetas", "temas", "palabras clave",
)
