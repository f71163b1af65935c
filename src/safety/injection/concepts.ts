/**
 * A small multilingual lexicon of the vocabulary prompt-injection attacks are made of (dictionary words, in English and
 * the 17 other languages of the dev set), each mapped to one concept. The featuriser emits one feature per concept
 * occurrence, shared by every language, so what the classifier learns from the (mostly English) training attacks about
 * "password", "ignore … previous instructions" or "I am the developer" carries over to the same words in Thai or Hindi.
 *
 * Terms are in canonical form (lower case, single spaces). A term whose first character is Latin, Greek or Cyrillic
 * must start a word; terms in scripts written without spaces (CJK, Thai) match anywhere.
 */
export const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  password: [
    "password", "passcode", "passphrase", "contraseña", "contrasena", "mot de passe", "phrase de passe", "passwort", "kennwort",
    "senha", "palavra-passe", "пароль", "密码", "密碼", "口令", "パスワード", "暗証番号", "비밀번호", "암호", "كلمة المرور",
    "كلمة السر", "पासवर्ड", "পাসওয়ার্ড", "şifre", "parola", "mật khẩu", "kata sandi", "kata laluan", "รหัสผ่าน",
  ],
  secret: [
    "secret", "secreto", "secreta", "secrète", "geheim", "segreto", "segreta", "секрет", "秘密", "机密", "機密", "비밀", "سري",
    "السري", "गुप्त", "গোপন", "gizli", "bí mật", "rahasia", "lihim", "sikreto", "ความลับ",
  ],
  ignore: [
    "ignore", "disregard", "ignora", "ignorar", "ignorez", "ignorer", "ignoriere", "ignorieren", "ignorare", "игнорир",
    "проигнорир", "忽略", "无视", "無視", "忽视", "무시", "تجاهل", "अनदेखा", "नजरअंदाज", "नज़रअंदाज़", "উপেক্ষা", "yok say",
    "görmezden", "bỏ qua", "abaikan", "huwag pansinin", "ไม่สนใจ", "เพิกเฉย",
  ],
  forget: [
    "forget", "olvida", "olvidar", "oublie", "vergiss", "vergessen", "dimentica", "esqueça", "esquece", "esquecer", "забудь",
    "забыть", "忘记", "忘記", "忘れ", "잊어", "잊으", "انس", "भूल", "ভুলে", "unut", "quên", "lupakan", "kalimutan", "ลืม",
  ],
  previous: [
    "previous", "prior", "above", "anterior", "précédent", "vorherig", "bisherig", "vorangegangen", "precedent", "предыдущ",
    "прежн", "之前", "以前", "先前", "上述", "前の", "이전", "السابق", "पिछले", "পূর্ববর্তী", "আগের", "önceki", "trước đó",
    "sebelumnya", "nakaraan", "ก่อนหน้า",
  ],
  instructions: [
    "instruction", "instrucciones", "instrucción", "consignes", "anweisung", "istruzioni", "instruções", "инструкци", "указани",
    "指令", "指示", "说明", "說明", "지시", "지침", "تعليمات", "التعليمات", "निर्देश", "নির্দেশ", "talimat", "hướng dẫn",
    "chỉ dẫn", "instruksi", "petunjuk", "tagubilin", "คำสั่ง", "คำแนะนำ",
  ],
  system: [
    "system", "sistema", "système", "система", "系统", "系統", "システム", "시스템", "النظام", "सिस्टम", "সিস্টেম", "sistem",
    "hệ thống", "ระบบ",
  ],
  developer: [
    "developer", "administrator", "desarrollador", "développeur", "entwickler", "sviluppatore", "desenvolvedor", "разработчик",
    "开发者", "开发人员", "開発者", "개발자", "المطور", "مطور", "डेवलपर", "ডেভেলপার", "geliştirici", "nhà phát triển",
    "pengembang", "นักพัฒนา", "administrador", "administrateur", "администратор", "管理员", "管理者", "관리자", "المسؤول",
    "व्यवस्थापक", "yönetici", "quản trị",
  ],
  imagine: [
    "imagine", "hypothetical", "imagina", "imaginez", "stell dir vor", "stellen sie sich vor", "immagina", "представь",
    "представьте", "想象", "假设", "假設", "想像", "仮定", "상상", "가정", "تخيل", "कल्पना", "কল্পনা", "hayal et", "tưởng tượng",
    "giả sử", "bayangkan", "isipin", "จินตนาการ", "สมมติ",
  ],
  pretend: [
    "pretend", "roleplay", "role-play", "finge", "fingir", "fais semblant", "faites semblant", "tu so als", "fingi", "finja",
    "притворись", "притворитесь", "假装", "假裝", "ふりを", "척해", "تظاهر", "नाटक कर", "ভান কর", "gibi davran", "giả vờ",
    "berpura-pura", "magkunwari", "แกล้ง",
  ],
  user: [
    "user", "usuario", "utilisateur", "benutzer", "nutzer", "utente", "usuário", "пользовател", "用户", "用戶", "使用者",
    "ユーザー", "사용자", "المستخدم", "उपयोगकर्ता", "ব্যবহারকারী", "kullanıcı", "người dùng", "pengguna", "gumagamit", "ผู้ใช้",
  ],
  email: [
    "email", "e-mail", "correo electrónico", "courriel", "электронн", "邮件", "邮箱", "电子邮件", "メール", "이메일",
    "البريد الإلكتروني", "ईमेल", "ইমেল", "ইমেইল", "e-posta", "surel", "อีเมล",
  ],
  reveal: [
    "reveal", "disclose", "tell me", "revela", "revelar", "dime", "révèle", "révéler", "dis-moi", "verrate", "sag mir", "rivela",
    "dimmi", "revele", "diga-me", "раскрой", "скажи", "сообщи", "告诉我", "告訴我", "透露", "教えて", "알려", "공개", "أخبرني",
    "اكشف", "बताओ", "बताइए", "बताएं", "বলুন", "বলো", "söyle", "açıkla", "cho tôi biết", "tiết lộ", "beritahu", "ungkapkan",
    "sabihin", "บอก", "เปิดเผย",
  ],
  confirm: [
    "confirm", "confirma", "confirmez", "bestätige", "bestätigen", "conferma", "confirme", "подтверди", "подтвердите", "确认",
    "確認", "확인", "تأكيد", "تؤكد", "पुष्टि", "নিশ্চিত", "onayla", "doğrula", "xác nhận", "konfirmasi", "kumpirmahin", "ยืนยัน",
  ],
};
