/**
 * The remiss of the seed (KS2025/118, "Förslag till policy för digital omställning") and UN's
 * answer to it (shared/seeds/UN2025-412-svar-pa-remiss.txt), for tests of the nämnd's side.
 * Pages 5 and 6 hold the sentences the answer quotes, broken into lines the way text extracted
 * from a PDF is (including a word hyphenated across a line end). Like a real styrdokument every
 * page but the cover has a running header, every page a footer "Sida 5 (6)", and the sentence on
 * handlingsplaner that the answer quotes "(s.5)" runs over the break onto page 6.
 */
export const POLICY_TITEL = 'Förslag till policy för digital omställning';

const SIDHUVUD = 'Enköpings kommun\nFörslag till policy för digital omställning';
const sidfot = (n: number) => `Sida ${n} (6)`;

export const POLICY_SIDOR: string[] = [
  'Policy för digital omställning\nFörslag 2025-03-20\nKommunstyrelsen',
  'Innehåll\n1 Inledning\n2 Syfte\n3 Principer\n4 Ansvar',
  '1 Inledning\nEnköpings kommun ska ta tillvara digitaliseringens möjligheter.',
  '2 Syfte\nPolicyn anger riktningen för den digitala omställningen.',
  [
    'Tjänster, dialog och samverkan med invånare, näringsliv, föreningar, besökare samt',
    'medarbetare ska i första hand ske digitalt.',
    '3 Principer',
    'I Enköpings kommun är vi måna om att lära oss av och nyttja vad andra gjort. Att',
    'genomföra pilotstudier som redan gjorts hos flera andra aktö-',
    'rer ger inget mervärde. Vi drar erfarenhet från andras pilotstudier och genomför',
    'införandeprojekt.',
    '4 Ansvar',
    'Varje nämnd och styrelse ska, i sin verksamhetsplanering, aktivt verka för att digital',
    'omställning drivs i linje med policyn, detta sker lämpligast genom en handlingsplan tas',
  ].join('\n'),
  'fram för varje verksamhet.\n5 Uppföljning\nPolicyn följs upp årligen av kommunstyrelsen.',
].map((text, i) => [...(i > 0 ? [SIDHUVUD] : []), text, sidfot(i + 1)].join('\n'));

const PILOT =
  'I Enköpings kommun är vi måna om att lära oss av och nyttja vad andra gjort. Att genomföra pilotstudier som redan gjorts hos flera andra aktörer ger inget mervärde. Vi drar erfarenhet från andras pilotstudier och genomför införandeprojekt.';
const HANDLINGSPLAN =
  'Varje nämnd och styrelse ska, i sin verksamhetsplanering, aktivt verka för att digital omställning drivs i linje med policyn, detta sker lämpligast genom en handlingsplan tas fram för varje verksamhet.';
const DIGITALT =
  'Tjänster, dialog och samverkan med invånare, näringsliv, föreningar, besökare samt medarbetare ska i första hand ske digitalt';

/** Sentences of the seed that the final PDF must hold (compared with whitespace collapsed). */
export const SEED_STYCKEN = [
  'Utbildningsnämnden har tagit del av förslag till policy för digital omställning',
  'Ovanstående förmågor bedömer vi som avgörande för att den digitala omställningen ska kunna lyckas.',
  'Utbildningsnämnden instämmer självfallet i att vi ska dra nytta av vad andra har gjort.',
  'Vi bedömer att formuleringen i policyn är för kategorisk och bör omformuleras.',
  'Utbildningsförvaltningen har ett stort antal skolor och förskolor',
  'Att alla dessa kontakter i första hand ska ske digitalt är inte realistiskt.',
];

/** UN's answer as the API takes it; `remisshandlingId` is the policy's id in the test's database. */
export function unSvar(remisshandlingId: string) {
  return {
    titel: 'Svar på remiss om policy för digital omställning',
    inledning:
      'Utbildningsnämnden har tagit del av förslag till policy för digital omställning, daterad 2025-03-20. Utbildningsnämnden bedömer att den digitala omställningen är av avgörande betydelse för att nämnden i framtiden ska kunna hantera utmaningar som nämnden står inför samt bedriva en verksamhet av hög kvalitet och som möter omvärldens krav på effektivitet och tillgänglighet. Nämnden välkomnar därför initiativet att ta fram en policy för digital omställning. Utbildningsförvaltningen har lång erfarenhet av att arbeta med initiativ inom digital omställning genom satsningar på exempelvis artificiell intelligens (AI) och Business intelligens[^1] (BI). Utifrån detta har förvaltningen erfarenheter som vi bedömer är viktiga att beakta i utformningen av policyn.',
    fotnoter: [
      'Framförallt genom applikationen Bedömning över tid (Böten) som utvecklats i samarbete med Atea med Power BI.',
    ],
    synpunkter: [
      {
        typ: 'invandning' as const,
        text: 'Förvaltningen välkomnar inriktningen att den digitala omställningen i sker inom ramen för den ordinarie verksamhetens strukturer för planering, utveckling, ekonomi och uppföljning. Samtidigt kräver digital omställning i många fall resurser och kompetens som inte finns inom ordinarie verksamhet. Detta ställer höga krav på att det finns centrala resurser exempelvis på IT-avdelning som har förmåga att inte bara arbeta med underhåll och förvaltning utan även utveckling och innovation. Det ställer också krav på fungerande strukturer för samarbete samt en förmåga att kunna kraftsamla kring gemensamma mål och insatser mellan ordinarieverksamhet och IT-avdelnings resurser för utveckling och innovation. Ovanstående förmågor bedömer vi som avgörande för att den digitala omställningen ska kunna lyckas. Utbildningsnämnder ser inte att kommunen i förslaget till policy har beskrivit hur detta kan säkerställas.',
      },
      {
        typ: 'invandning' as const,
        remisshandlingId,
        sida: 5,
        citatinledning: 'I policyn framgår:',
        citat: PILOT,
        text: 'Utbildningsnämnden instämmer självfallet i att vi ska dra nytta av vad andra har gjort. Ett pilotprojekt kan samtidigt har olika syften inte minst för att bygga upp kompetens inom organisationen och att testa en lösning inom vår organisatoriska kontext för att kunna bedöma nyttan samt vilka eventuella anpassningar som skulle behöva göras. Det kan finnas stora skillnader mellan olika kommuner även när det gäller samma typ av verksamhet. Att genomföra införandeprojekt utan den kunskap och erfarenhet som ett pilotprojekt ger kan i vissa fall fungera men riskerar också att leda till kostsamma fel, misstag och missbedömningar. Vi bedömer att formuleringen i policyn är för kategorisk och bör omformuleras.',
      },
      {
        typ: 'andringsforslag' as const,
        remisshandlingId,
        sida: 5,
        citatinledning: 'I policyn framgår även att',
        citat: HANDLINGSPLAN,
        text: 'Utbildningsnämnden välkomnar att digital utveckling blir en naturlig del av verksamhetsplaneringen. Samtidigt krävs som tidigare påpekats att verksamhetens handlingsplan kan mötas upp av externa resurser och kompetens med fokus på utveckling och innovation från exempelvis IT-avdelningen, annars finns en risk att framtagna aktiviteter inte är tekniskt genomförbara. Många förvaltningar bedriver också olika typer av verksamheter och att varje verksamhet ska upprätta sin egen handlingsplan riskerar att skapa en kostsam administration kring själva handlingsplanerna. Utbildningsförvaltningen har ett stort antal skolor och förskolor som skulle kunna betraktas som egna verksamheter. Förvaltningen föreslår att följande formulering stryks ur meningen: ”detta sker lämpligast genom en handlingsplan tas fram för varje verksamhet.”',
        strykText: 'detta sker lämpligast genom en handlingsplan tas fram för varje verksamhet.',
      },
      {
        typ: 'andringsforslag' as const,
        remisshandlingId,
        sida: 5,
        text: 'I utbildningsnämndens olika verksamheter sker dagligen mängder av direkta kontakter med medborgare i form av barn, föräldrar, elever och medarbetare. Att alla dessa kontakter i första hand ska ske digitalt är inte realistiskt. Punkten "Tjänster, dialog och samverkan med invånare, näringsliv, föreningar, besökare samt medarbetare ska i första hand ske digitalt" överst på sidan 5 är därmed inte tillämplig och bör strykas eller formuleras om för det fall att den avser andra sorters kontakter.',
        strykText: DIGITALT,
      },
    ],
    avslutning: '',
    // The seed proposes to strike and rephrase, so it supports the policy with changes.
    stallning: 'tillstyrker_med_andringar' as const,
  };
}
