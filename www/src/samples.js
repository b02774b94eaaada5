// Two short news-style articles written for this page, to try the analyser without pasting.

export const SAMPLES = {
  ar: `خلاف مصري إثيوبي جديد حول سد النهضة

القاهرة — أعلن وزير الخارجية المصري سامح شكري يوم الأحد رفض بلاده أي خطوة أحادية لملء خزان سد النهضة، وطالب أديس أبابا بالتوقيع على اتفاق قانوني ملزم قبل موسم الأمطار المقبل. وحذّر شكري من أن استمرار الملء دون تنسيق يهدد الأمن المائي لملايين المصريين.

في المقابل، قال رئيس الوزراء الإثيوبي آبي أحمد إن بلاده لن تتخلى عن حقها في التنمية، واقترح تشكيل لجنة فنية مشتركة تضم خبراء من الدول الثلاث. أما السودان فدعا على لسان وزير الري إلى استئناف المفاوضات برعاية الاتحاد الأفريقي.

مقارنة بين موقفي البلدين:
الملف\tمصر\tإثيوبيا
الملء\tبعد اتفاق ملزم\tوفق الجدول الإثيوبي
النزاعات\tتحكيم دولي\tلجنة فنية مشتركة
سنوات الجفاف\tحصص مائية مضمونة\tتعاون طوعي
`,
  en: `Leaders split over Black Sea grain corridor

ANKARA — Turkish President Recep Tayyip Erdogan proposed on Tuesday to extend the Black Sea grain corridor for another twelve months, saying that bread prices across Africa depended on it. Russian Foreign Minister Sergei Lavrov rejected the proposal and warned that Moscow would not guarantee the safety of cargo ships unless Western sanctions on Russian banks were lifted.

Ukrainian President Volodymyr Zelensky accused Russia of using hunger as a weapon and demanded that the United Nations monitor every port. UN Secretary-General António Guterres urged both sides to return to talks in Istanbul next week.

How the two main parties see the deal:

| Issue | Turkey | Russia |
| --- | --- | --- |
| Duration | Twelve more months | Until July at most |
| Inspections | Joint teams in Istanbul | Russian inspectors only |
| Sanctions | A separate question | Must be lifted first |
`,
};
