{{/*
Helpers shared by every template. Per-service templates call them with a context dict:
  root: the chart's root context ($)
  name: the service name (a key of .Values.services)
  svc:  the service's merged values (from "platform.service")
*/}}

{{- define "platform.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every object name: the release name, plus the chart name unless already in it. */}}
{{- define "platform.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "platform.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Name of a service's objects: "<fullname>-<service>". Context: dict root name. */}}
{{- define "platform.serviceFullname" -}}
{{- printf "%s-%s" (include "platform.fullname" .root) .name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
A service's values: .Values.defaults deep-merged with .Values.services.<name>, plus the derived
database roles and secret names. Returns YAML; use as
  $svc := include "platform.service" (dict "root" $ "name" $name) | fromYaml
*/}}
{{- define "platform.service" -}}
{{- $raw := index .root.Values.services .name | default dict }}
{{- $svc := mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $raw) }}
{{- $db := $svc.database }}
{{- if not $db.schema }}
{{- fail (printf "services.%s.database.schema is required" .name) }}
{{- end }}
{{- range $role := list $db.schema $db.user $db.migrationUser }}
{{- if and $role (not (regexMatch "^[a-z_][a-z0-9_]{0,62}$" (toString $role))) }}
{{- fail (printf "database schema and role names must match ^[a-z_][a-z0-9_]*$, got %q" (toString $role)) }}
{{- end }}
{{- end }}
{{- $_ := set $db "user" ($db.user | default (printf "%s_app" $db.schema)) }}
{{- $_ := set $db "migrationUser" ($db.migrationUser | default (printf "%s_owner" $db.schema)) }}
{{- $_ := set $db "existingSecret" ($db.existingSecret | default (printf "%s-db" .name)) }}
{{- $_ := set $db "migrationExistingSecret" ($db.migrationExistingSecret | default $db.existingSecret) }}
{{- toYaml $svc }}
{{- end }}

{{/* Names of the enabled services, sorted, as a YAML list under "names". */}}
{{- define "platform.enabledServices" -}}
{{- $names := list }}
{{- range $name, $raw := .Values.services }}
{{- $svc := include "platform.service" (dict "root" $ "name" $name) | fromYaml }}
{{- if $svc.enabled }}
{{- $names = append $names $name }}
{{- end }}
{{- end }}
{{- toYaml (dict "names" $names) }}
{{- end }}

{{/* Labels of every object of the release. Context: the root. */}}
{{- define "platform.commonLabels" -}}
helm.sh/chart: {{ include "platform.chart" . }}
app.kubernetes.io/part-of: podcast-platform
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
{{- end }}

{{/*
Selector labels of a service's server pods. Context: dict root name.
The component label keeps migration Job pods out of the Service, PDB and HPA selections.
*/}}
{{- define "platform.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: server
{{- end }}

{{/* Full labels of a service's objects. Context: dict root name [component]. */}}
{{- define "platform.labels" -}}
{{ include "platform.commonLabels" .root }}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component | default "server" }}
{{- end }}

{{/* The service image reference. Context: dict root name svc. */}}
{{- define "platform.image" -}}
{{- $registry := .root.Values.global.imageRegistry }}
{{- $repository := .svc.image.repository | default (printf "podcast-platform/%s" .name) }}
{{- $tag := .svc.image.tag | default .root.Values.global.imageTag | default .root.Chart.AppVersion | toString }}
{{- if $registry }}{{ trimSuffix "/" $registry }}/{{ end }}{{ $repository }}
{{- if .svc.image.digest }}@{{ .svc.image.digest }}{{ else }}:{{ $tag }}{{ end }}
{{- end }}

{{- define "platform.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- .Values.serviceAccount.name | default (include "platform.fullname" .) }}
{{- else }}
{{- .Values.serviceAccount.name | default "default" }}
{{- end }}
{{- end }}

{{/*
Non-secret configuration of a service, as a YAML map of environment variables. It is the
ConfigMap of the Deployment and the inline env of the migration Job (a pre-install hook runs
before the ConfigMap exists). Context: dict root name svc.
*/}}
{{- define "platform.configData" -}}
{{- $g := .root.Values.global }}
{{- $data := dict
  "HTTP_PORT" (toString .svc.port)
  "HTTP_HOST" "0.0.0.0"
  "DB_HOST" (toString $g.database.host)
  "DB_PORT" (toString $g.database.port)
  "DB_NAME" (toString $g.database.name)
  "DB_USER" .svc.database.user
  "KAFKA_BOOTSTRAP_SERVERS" (toString $g.kafka.bootstrapServers)
  "OIDC_AUTH_SERVER_URL" (toString $g.oidc.authServerUrl)
  "LOG_JSON" (toString .svc.logJson)
  "QUARKUS_SHUTDOWN_TIMEOUT" (toString .svc.shutdownTimeout)
}}
{{- if not (kindIs "invalid" $g.kafka.replicationFactor) }}
{{- if ne (toString $g.kafka.replicationFactor) "" }}
{{- $_ := set $data "KAFKA_REPLICATION_FACTOR" (toString $g.kafka.replicationFactor) }}
{{- end }}
{{- end }}
{{- range $k, $v := $g.env }}
{{- $_ := set $data $k (toString $v) }}
{{- end }}
{{- range $k, $v := .svc.env }}
{{- $_ := set $data $k (toString $v) }}
{{- end }}
{{- toYaml $data }}
{{- end }}

{{/* One env entry read from a Secret. Context: dict env secret key. */}}
{{- define "platform.secretEnvVar" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret | quote }}
      key: {{ .key | quote }}
{{- end }}

{{/*
Database credentials and extra secret env of a container. Context: dict root name svc migration.
migration=true: the owner role (Liquibase). Otherwise the Deployment: the owner credentials only
when database.ownerCredentialsInDeployment, else the runtime role stands in for them.
*/}}
{{- define "platform.credentialsEnv" -}}
{{- $db := .svc.database }}
{{- $owner := or (.migration | default false) ($db.ownerCredentialsInDeployment | default false) }}
{{ include "platform.secretEnvVar" (dict "env" "DB_PASSWORD" "secret" $db.existingSecret "key" $db.passwordKey) }}
- name: DB_MIGRATION_USER
  value: {{ ternary $db.migrationUser $db.user $owner | quote }}
{{- if $owner }}
{{ include "platform.secretEnvVar" (dict "env" "DB_MIGRATION_PASSWORD" "secret" $db.migrationExistingSecret "key" $db.migrationPasswordKey) }}
{{- else }}
{{ include "platform.secretEnvVar" (dict "env" "DB_MIGRATION_PASSWORD" "secret" $db.existingSecret "key" $db.passwordKey) }}
{{- end }}
{{- range $env, $ref := merge (deepCopy .svc.secretEnv) (deepCopy .root.Values.global.secretEnv) }}
{{ include "platform.secretEnvVar" (dict "env" $env "secret" $ref.secretName "key" $ref.key) }}
{{- end }}
{{- end }}

{{/* An HTTP probe on the "http" port. Context: a probe map (path, timings). */}}
{{- define "platform.httpProbe" -}}
httpGet:
  path: {{ .path }}
  port: http
initialDelaySeconds: {{ .initialDelaySeconds | default 0 }}
periodSeconds: {{ .periodSeconds | default 10 }}
timeoutSeconds: {{ .timeoutSeconds | default 1 }}
failureThreshold: {{ .failureThreshold | default 3 }}
{{- end }}

{{/* The writable /tmp of a read-only root filesystem. Context: svc. */}}
{{- define "platform.tmpVolume" -}}
- name: tmp
  {{- if .tmpVolume.sizeLimit }}
  emptyDir:
    sizeLimit: {{ .tmpVolume.sizeLimit }}
  {{- else }}
  emptyDir: {}
  {{- end }}
{{- end }}

{{- define "platform.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{- define "platform.imagePullSecrets" -}}
{{- with .Values.global.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}
