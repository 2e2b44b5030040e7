import { AppException } from '../../common/exceptions/app.exception.js';

export class AuthException extends AppException {}
