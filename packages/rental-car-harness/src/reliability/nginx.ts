/**
 * @module
 * nginx from Debian's packages as the load balancer in front of the app instances: installed when
 * missing, started in the foreground with a configuration of the run's own, stopped at the end.
 * A request that fails on one instance (connection refused: it was just killed) is retried on the
 * other, as a production balancer would.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { waitForPort } from "./wait-for-port";

/** A running balancer. */
export interface Balancer {
  readonly url: string;
  stop(): Promise<void>;
}

function nginxBinary(): string {
  for (const candidate of ["/usr/sbin/nginx", "/usr/bin/nginx"])
    if (existsSync(candidate)) return candidate;
  process.stdout.write("== nginx: not installed; installing Debian's package\n");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "nginx-light"], {
    stdio: "inherit",
    env,
  });
  if (!existsSync("/usr/sbin/nginx")) throw new Error("nginx could not be installed");
  return "/usr/sbin/nginx";
}

/** Starts nginx on `port`, balancing over `upstreamPorts` on 127.0.0.1. */
export async function startBalancer(
  directory: string,
  port: number,
  upstreamPorts: readonly number[],
): Promise<Balancer> {
  const binary = nginxBinary();
  const prefix = join(directory, "nginx");
  mkdirSync(join(prefix, "logs"), { recursive: true });
  const config = `
worker_processes 2;
daemon off;
error_log ${join(prefix, "logs", "error.log")} warn;
pid ${join(prefix, "nginx.pid")};
events { worker_connections 4096; }
http {
  access_log off;
  # Workers run as an unprivileged user: keep bodies in memory, never in temp files.
  client_body_buffer_size 1m;
  proxy_max_temp_file_size 0;
  client_body_temp_path ${join(prefix, "body")};
  proxy_temp_path ${join(prefix, "proxy")};
  fastcgi_temp_path ${join(prefix, "fastcgi")};
  uwsgi_temp_path ${join(prefix, "uwsgi")};
  scgi_temp_path ${join(prefix, "scgi")};
  upstream app {
    ${upstreamPorts.map((upstream) => `server 127.0.0.1:${upstream} max_fails=1 fail_timeout=2s;`).join("\n    ")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto http;
      # A POST is not replayed on the other instance (it may have run): the client retries.
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
    }
  }
}
`;
  const file = join(prefix, "nginx.conf");
  writeFileSync(file, config);
  const child: ChildProcess = spawn(binary, ["-p", prefix, "-c", file], { stdio: "ignore" });
  await waitForPort(port);
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGQUIT");
      await exited;
    },
  };
}
