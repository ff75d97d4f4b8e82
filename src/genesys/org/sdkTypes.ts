// The slice of purecloud-platform-client-v2 this project calls, typed by hand. The SDK's own
// index.d.ts is 2.6 MB and costs seconds on every compile; these few shapes are all we use.
// Responses are the SDK's "extended" ones (setReturnExtendedResponses(true)), which keep the
// status and headers that Retry-After handling needs.

export interface SdkExtendedResponse<Body> {
  readonly status: number;
  readonly headers?: Record<string, unknown>;
  readonly body: Body;
}

export interface SdkPageListing<Entity> {
  readonly entities?: readonly Entity[];
  readonly pageNumber?: number;
  readonly pageCount?: number;
  readonly nextUri?: string | null;
}

export interface SdkGateway {
  host: string;
  protocol: string;
  port: number;
  path_params_login: string;
  path_params_api: string;
}

export interface SdkLogger {
  log_level: string;
  log_to_console: boolean;
  log_file_path: string | undefined;
  log_request_body: boolean;
  log_response_body: boolean;
  setLogger(): void;
}

export interface SdkConfiguration {
  /** Parsed config file, reapplied whenever the SDK reloads its configuration. */
  config: unknown;
  host: string | undefined;
  live_reload_config: boolean;
  refresh_access_token: boolean;
  basePath: string;
  authUrl: string;
  logger: SdkLogger;
  setConfigPath(path: string): void;
  getConfUrl(pathType: 'login' | 'api', regionUrl: string): string;
}

export interface SdkAuthData {
  readonly accessToken?: string;
  readonly tokenExpiryTime?: number;
}

export interface SdkApiClient {
  timeout: number;
  readonly config: SdkConfiguration;
  readonly authData: SdkAuthData;
  setEnvironment(environment: string): void;
  setGateway(gateway?: SdkGateway): void;
  setReturnExtendedResponses(extended: boolean): void;
  setPersistSettings(persist: boolean): void;
  setAccessToken(token: string | undefined): void;
  loginClientCredentialsGrant(clientId: string, clientSecret: string): Promise<SdkAuthData>;
}

type Listing<Entity> = Promise<SdkExtendedResponse<SdkPageListing<Entity>>>;

export interface SdkOrganization {
  readonly id?: string;
  readonly name?: string;
}

export interface SdkNamedEntity {
  readonly id?: string;
  readonly name?: string;
}

export interface SdkAvailableTopic {
  readonly id?: string;
  readonly description?: string;
  readonly schema?: unknown;
  readonly transports?: readonly unknown[];
}

export interface SdkIntegration {
  readonly id?: string;
  readonly name?: string;
  readonly intendedState?: string;
  readonly integrationType?: { readonly id?: string };
}

export interface SdkIntegrationConfiguration {
  readonly properties?: Record<string, unknown>;
}

export interface SdkModule {
  /** The SDK's default client, constructed when the module loads. */
  readonly ApiClient: SdkApiClient;
  readonly ApiClientClass: new () => SdkApiClient;
  readonly PureCloudRegionHosts: Readonly<Record<string, string>>;
  readonly OrganizationApi: new (client: SdkApiClient) => {
    getOrganizationsMe(): Promise<SdkExtendedResponse<SdkOrganization>>;
  };
  readonly RoutingApi: new (client: SdkApiClient) => {
    getRoutingQueues(opts: { pageNumber: number; pageSize: number }): Listing<SdkNamedEntity>;
  };
  readonly UsersApi: new (client: SdkApiClient) => {
    getUsers(opts: { pageNumber: number; pageSize: number }): Listing<SdkNamedEntity>;
  };
  readonly NotificationsApi: new (client: SdkApiClient) => {
    getNotificationsAvailabletopics(opts: {
      expand: string[];
      includePreview: boolean;
    }): Promise<SdkExtendedResponse<{ readonly entities?: readonly SdkAvailableTopic[] }>>;
  };
  readonly IntegrationsApi: new (client: SdkApiClient) => {
    getIntegrations(opts: {
      pageNumber: number;
      pageSize: number;
      integrationType: string;
    }): Listing<SdkIntegration>;
    getIntegrationConfigCurrent(
      integrationId: string,
    ): Promise<SdkExtendedResponse<SdkIntegrationConfiguration>>;
  };
}
