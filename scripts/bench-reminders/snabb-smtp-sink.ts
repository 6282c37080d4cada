// A minimal SMTP server for the reminders benchmark, run as a child process so the sender's CPU is
// not spent parsing MIME: accepts everything, records each message's Message-ID and arrival time
// (ms), and reports them over IPC when asked ('rapport'). Offers PIPELINING, as Postfix and Exchange
// do: the sender then sends envelope and DATA in one write instead of waiting for each reply.
import { createServer, Socket } from 'node:net';

const mottagna: [string, number][] = [];

const server = createServer((socket: Socket) => {
  socket.setNoDelay(true);
  let buffer = '';
  let iData = false;
  socket.write('220 bench ESMTP\r\n');
  socket.on('data', (chunk) => {
    buffer += chunk.toString('latin1');
    // The replies to the commands pipelined in one chunk go back in one write, as a real server's buffered output does.
    let svar = '';
    for (;;) {
      if (iData) {
        const slut = buffer.indexOf('\r\n.\r\n');
        if (slut < 0) break;
        const meddelande = buffer.slice(0, slut);
        buffer = buffer.slice(slut + 5);
        iData = false;
        mottagna.push([/^Message-ID:\s*(\S+)/im.exec(meddelande)?.[1] ?? '', Date.now()]);
        svar += '250 OK\r\n';
        continue;
      }
      const radslut = buffer.indexOf('\r\n');
      if (radslut < 0) break;
      const kommando = buffer.slice(0, 4).toUpperCase();
      buffer = buffer.slice(radslut + 2);
      if (kommando === 'EHLO') svar += '250-bench\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 SMTPUTF8\r\n';
      else if (kommando === 'DATA') {
        iData = true;
        svar += '354 go on\r\n';
      } else if (kommando === 'QUIT') return void socket.end(`${svar}221 bye\r\n`);
      else svar += '250 OK\r\n';
    }
    if (svar) socket.write(svar);
  });
  socket.on('error', () => undefined);
});

server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
process.on('message', (m) => {
  if (m === 'rapport') process.send!({ mottagna });
});
