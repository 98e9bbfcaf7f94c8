import { useEffect, useState, type FormEvent } from 'react';
import {
  checkLink,
  linkBase,
  Refused,
  sendDocument,
  viewPage,
  type Piece,
  type Refusal,
  type StatusPage,
} from './api/applicant';
import {
  browserLanguage,
  fill,
  isLanguage,
  LANGUAGES,
  loadTexts,
  NAMES,
  RTL,
  type Language,
  type Texts,
} from './texts';

const CODE_KEY = 'passerelle.status.code';

type Screen =
  | { kind: 'checking' }
  | { kind: 'code'; refusal?: Refusal }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'page'; page: StatusPage };

/**
 * The applicant's own page (issue 23), opened from the link the association gave, with no account: the
 * code said in person, then where the case stands, the coming dates, the pieces still to bring (a photo
 * or PDF of each can be sent from the phone) and how to reach the association. Plain React and a small
 * stylesheet: it must stay light on a phone over a slow network.
 */
export function StatusApp() {
  const base = linkBase();
  const [language, setLanguage] = useState<Language>(browserLanguage);
  const [texts, setTexts] = useState<Texts | null>(null);
  const [screen, setScreen] = useState<Screen>(base ? { kind: 'checking' } : { kind: 'refused', refusal: 'invalid' });
  const [code, setCode] = useState(() => sessionStorage.getItem(CODE_KEY) ?? '');
  // The page opens in the language staff chose (or the applicant last chose), unless they pick one here.
  const [picked, setPicked] = useState(false);

  useEffect(() => {
    let current = true;
    void loadTexts(language).then((loaded) => current && setTexts(loaded));
    document.documentElement.lang = language;
    document.documentElement.dir = RTL.includes(language) ? 'rtl' : 'ltr';
    return () => {
      current = false;
    };
  }, [language]);

  const open = async (given: string, chosen?: Language) => {
    if (!base) return;
    try {
      const page = await viewPage(base, given, chosen);
      sessionStorage.setItem(CODE_KEY, given);
      if (isLanguage(page.language)) setLanguage(page.language);
      setScreen({ kind: 'page', page });
    } catch (error) {
      const refusal = error instanceof Refused ? error.reason : 'failed';
      if (refusal === 'wrongCode') {
        sessionStorage.removeItem(CODE_KEY);
        setScreen({ kind: 'code', refusal });
      } else {
        setScreen({ kind: 'refused', refusal });
      }
    }
  };

  useEffect(() => {
    if (!base) return;
    const stored = sessionStorage.getItem(CODE_KEY);
    checkLink(base).then(
      () => (stored ? void open(stored) : setScreen({ kind: 'code' })),
      (error: unknown) => setScreen({ kind: 'refused', refusal: error instanceof Refused ? error.reason : 'failed' }),
    );
    // once, for the address the page was opened at
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const choose = (next: Language) => {
    setLanguage(next);
    setPicked(true);
    if (screen.kind === 'page') void open(code, next); // kept for the applicant's next visit
  };

  if (!texts) return null;
  return (
    <div className="status">
      <header className="status-header">
        <h1>{screen.kind === 'page' && screen.page.association ? screen.page.association : texts.title}</h1>
        <label className="status-language">
          <span>{texts.languageLabel}</span>
          <select value={language} onChange={(event) => choose(event.target.value as Language)}>
            {LANGUAGES.map((value) => (
              <option key={value} value={value} lang={value}>
                {NAMES[value]}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        {screen.kind === 'checking' && <p role="status">{texts.checking}</p>}
        {screen.kind === 'refused' && (
          <p className="status-alert" role="alert">
            {texts[screen.refusal]}
          </p>
        )}
        {screen.kind === 'code' && (
          <CodeForm
            texts={texts}
            code={code}
            refusal={screen.refusal}
            onChange={setCode}
            onSubmit={() => void open(code, picked ? language : undefined)}
          />
        )}
        {screen.kind === 'page' && base && (
          <CasePage texts={texts} language={language} page={screen.page} base={base} code={code} />
        )}
      </main>
    </div>
  );
}

function CodeForm({
  texts,
  code,
  refusal,
  onChange,
  onSubmit,
}: {
  texts: Texts;
  code: string;
  refusal?: Refusal;
  onChange: (code: string) => void;
  onSubmit: () => void;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="status-card" onSubmit={submit}>
      <h2>{texts.title}</h2>
      <label htmlFor="status-code">{texts.codeLabel}</label>
      <p id="status-code-help" className="status-muted">
        {texts.codeHelp}
      </p>
      <input
        id="status-code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        dir="ltr"
        aria-describedby={refusal ? 'status-code-help status-code-error' : 'status-code-help'}
        aria-invalid={refusal ? true : undefined}
        value={code}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, ''))}
      />
      {refusal && (
        <p id="status-code-error" className="status-alert" role="alert">
          {texts[refusal]}
        </p>
      )}
      <button type="submit">{texts.open}</button>
    </form>
  );
}

function CasePage({
  texts,
  language,
  page,
  base,
  code,
}: {
  texts: Texts;
  language: Language;
  page: StatusPage;
  base: string;
  code: string;
}) {
  const day = (iso: string) =>
    new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  const dates = comingDates(page);
  const status = texts.status[page.status as keyof Texts['status']];
  const missing = page.pieces.filter((piece) => piece.state === 'MISSING' && !piece.atDelivery);
  const expired = page.pieces.filter((piece) => piece.state === 'EXPIRED');
  const received = page.pieces.filter((piece) => piece.state === 'RECEIVED');
  const atDelivery = page.pieces.filter((piece) => piece.state === 'MISSING' && piece.atDelivery);
  return (
    <>
      <section className="status-card" aria-labelledby="status-step">
        <h2 id="status-step">{texts.stepTitle}</h2>
        <p className="status-lead">{status}</p>
        {page.renewal && <p>{texts.renewal}</p>}
        {page.dates?.filedOn && <p>{fill(texts.filedOn, { date: day(page.dates.filedOn) })}</p>}
        {page.prefecture && <p className="status-muted">{page.prefecture}</p>}
      </section>
      <section className="status-card" aria-labelledby="status-dates">
        <h2 id="status-dates">{texts.datesTitle}</h2>
        {dates.length === 0 ? (
          <p>{texts.noDates}</p>
        ) : (
          <ul>
            {dates.map((date) => (
              <li key={`${date.kind}-${date.on}`}>
                {fill(texts.deadline[date.kind as keyof Texts['deadline']] ?? '{date}', { date: day(date.on) })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="status-card" aria-labelledby="status-pieces">
        <h2 id="status-pieces">{texts.piecesTitle}</h2>
        {missing.length === 0 && expired.length === 0 ? (
          <p>{texts.noneMissing}</p>
        ) : (
          <>
            {language !== 'fr' && <p className="status-muted">{texts.namesInFrench}</p>}
            <PieceList texts={texts} language={language} pieces={[...missing, ...expired]} base={base} code={code} />
          </>
        )}
        {expired.length > 0 && <p className="status-muted">{texts.expiredTitle}</p>}
      </section>
      {received.length > 0 && (
        <section className="status-card" aria-labelledby="status-received">
          <h2 id="status-received">{texts.receivedTitle}</h2>
          <PieceList texts={texts} language={language} pieces={received} />
        </section>
      )}
      {atDelivery.length > 0 && (
        <section className="status-card" aria-labelledby="status-delivery">
          <h2 id="status-delivery">{texts.deliveryTitle}</h2>
          <PieceList texts={texts} language={language} pieces={atDelivery} />
        </section>
      )}
      <section className="status-card" aria-labelledby="status-contact">
        <h2 id="status-contact">{texts.contactTitle}</h2>
        {page.association && <p className="status-lead">{page.association}</p>}
        <p className="status-contact">{page.contact ?? texts.noContact}</p>
      </section>
      <p className="status-muted">{texts.privacy}</p>
    </>
  );
}

/** The dates to come: the procedure's, and the case's own appointment, commission and récépissé's end. */
function comingDates(page: StatusPage): { kind: string; on: string }[] {
  const today = new Date().toISOString().slice(0, 10);
  const all = [...page.deadlines];
  const own: [string, string | undefined][] = [
    ['APPOINTMENT', page.dates?.appointmentOn],
    ['COMMISSION', page.dates?.commissionOn],
    ['RECEIPT_ENDS', page.dates?.receiptExpiresOn],
  ];
  for (const [kind, on] of own) {
    if (on && on >= today && !all.some((date) => date.kind === kind && date.on === on)) all.push({ kind, on });
  }
  return all.sort((a, b) => a.on.localeCompare(b.on));
}

function PieceList({
  texts,
  language,
  pieces,
  base,
  code,
}: {
  texts: Texts;
  language: Language;
  pieces: Piece[];
  base?: string;
  code?: string;
}) {
  return (
    <ul className="status-pieces">
      {pieces.map((piece) => (
        <li key={piece.code}>
          {language === 'en' && piece.label ? (
            <>
              <span>{piece.label}</span>{' '}
              <span className="status-muted" lang="fr">
                ({piece.labelFr})
              </span>
            </>
          ) : (
            <span lang="fr" dir="ltr">
              {piece.labelFr}
            </span>
          )}
          {!piece.required && <span className="status-muted"> ({texts.optional})</span>}
          {piece.localNote &&
            (language === 'en' && piece.localNoteEn ? (
              <div className="status-muted">{piece.localNoteEn}</div>
            ) : (
              <div className="status-muted" lang="fr" dir="ltr">
                {piece.localNote}
              </div>
            ))}
          {base && code && <SendFile texts={texts} piece={piece} base={base} code={code} />}
        </li>
      ))}
    </ul>
  );
}

function SendFile({ texts, piece, base, code }: { texts: Texts; piece: Piece; base: string; code: string }) {
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');
  const id = `send-${piece.code}`;
  const name = piece.labelFr;
  return (
    <div className="status-send">
      <label htmlFor={id} className="status-button">
        {state === 'sending' ? texts.sending : texts.send}
      </label>
      <input
        id={id}
        aria-label={fill(texts.sendLabel, { piece: name })}
        type="file"
        accept="image/jpeg,image/png,application/pdf"
        className="status-file"
        disabled={state === 'sending'}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (!file) return;
          setState('sending');
          sendDocument(base, code, piece.code, file).then(
            () => setState('sent'),
            () => setState('failed'),
          );
          event.target.value = '';
        }}
      />
      {state === 'sent' && <p role="status">{texts.sent}</p>}
      {state === 'failed' && (
        <p className="status-alert" role="alert">
          {texts.sendFailed}
        </p>
      )}
    </div>
  );
}
